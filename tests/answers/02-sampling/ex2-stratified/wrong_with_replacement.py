# Wrong: draws each stratum's rows WITH replacement, so a row can appear twice.
import numpy as np


def stratified_sample(df, by, frac, *, seed):
    rng = np.random.default_rng(seed)
    chosen = []
    for _, rows in df.groupby(by, observed=True):
        n_keep = max(1, round(frac * len(rows)))
        chosen.append(rng.choice(rows.index.to_numpy(), size=n_keep, replace=True))
    return df.loc[np.concatenate(chosen)]
