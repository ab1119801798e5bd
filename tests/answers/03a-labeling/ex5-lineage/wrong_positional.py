# Wrong: compares the gold labels with the first rows of batches, by position, as if gold
# held the first rows in order.
# Fails with: same index label
import numpy as np
import pandas as pd


def source_agreement(batches, gold):
    first = batches.iloc[: len(gold)]
    agree = first["label"].to_numpy() == gold.to_numpy()
    sources = sorted(batches["source"].unique())
    rows = {}
    for source in sources:
        mine = first["source"].to_numpy() == source
        rows[source] = (int(mine.sum()), agree[mine].mean() if mine.any() else np.nan)
    return pd.DataFrame.from_dict(rows, orient="index", columns=["n_checked", "agreement"])
