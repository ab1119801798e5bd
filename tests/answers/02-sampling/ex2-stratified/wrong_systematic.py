# Wrong: systematic sampling inside each stratum (a random start, then every k-th row):
# every row has the right chance, but most sets of rows can never be drawn together.
# Fails with: every SET of rows must be equally likely
import numpy as np


def stratified_sample(df, by, frac, *, seed):
    rng = np.random.default_rng(seed)
    chosen = []
    for _, rows in df.groupby(by, sort=False, observed=True):
        n_keep = max(1, int(np.floor(frac * len(rows) + 1e-9)))
        step = len(rows) / n_keep
        start = rng.random() * step
        positions = np.floor(start + step * np.arange(n_keep)).astype(int)
        chosen.append(rows.index.to_numpy()[positions])
    return df.loc[np.concatenate(chosen)]
