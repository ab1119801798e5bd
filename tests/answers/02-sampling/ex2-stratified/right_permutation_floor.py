# Right: loop over the strata, shuffle each stratum's labels, keep floor(frac * n_h) (at least 1).
import math

import numpy as np


def stratified_sample(df, by, frac, *, seed):
    rng = np.random.default_rng(seed)
    keep = []
    for stratum in df[by].unique():
        labels = df.index[(df[by] == stratum).to_numpy()]
        n_keep = max(1, math.floor(frac * len(labels)))
        keep.extend(rng.permutation(labels)[:n_keep])
    return df.loc[keep]
