# Right: vectorised; give every row a random key and keep the ceil(frac * n_h) smallest per stratum.
import numpy as np
import pandas as pd


def stratified_sample(df, by, frac, *, seed):
    rng = np.random.default_rng(seed)
    keys = rng.random(len(df))
    groups = pd.factorize(df[by])[0]  # stratum codes 0, 1, 2, ...
    order = np.lexsort((keys, groups))  # sort by stratum, then by random key
    sorted_groups = groups[order]
    starts = np.r_[0, np.flatnonzero(sorted_groups[1:] != sorted_groups[:-1]) + 1]
    ends = np.r_[starts[1:], len(df)]
    chosen = []
    for start, end in zip(starts, ends, strict=True):
        n_keep = max(1, int(np.ceil(frac * (end - start) - 1e-12)))
        chosen.append(order[start : start + n_keep])
    return df.iloc[np.concatenate(chosen)]
