# Right: pandas DataFrame.sample(replace=True) per class, with a NumPy generator made from
# the seed as its random_state.
import numpy as np
import pandas as pd


def random_oversample(X, y, *, seed):
    rng = np.random.default_rng(seed)
    X, y = np.asarray(X), np.asarray(y)
    rows = pd.DataFrame({"position": np.arange(len(y)), "label": y})
    largest = rows["label"].value_counts().max()
    parts = [rows["position"]]
    for _, members in rows.groupby("label"):
        if len(members) < largest:
            parts.append(members["position"].sample(n=largest - len(members), replace=True,
                                                    random_state=rng))
    keep = pd.concat(parts).to_numpy()
    return X[keep], y[keep]
