# Right: pandas sample(n=...) inside each group (round half up, at least 1), then concat.
import math

import numpy as np
import pandas as pd


def stratified_sample(df, by, frac, *, seed):
    rng = np.random.default_rng(seed)
    parts = []
    for _, group in df.groupby(by, observed=True):
        n_keep = max(1, math.floor(frac * len(group) + 0.5))
        parts.append(group.sample(n=n_keep, random_state=rng))
    return pd.concat(parts)
