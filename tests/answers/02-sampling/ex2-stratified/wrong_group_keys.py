# Wrong: groupby(...).apply(...) adds the group key to the index, so the original labels are lost.
import numpy as np


def stratified_sample(df, by, frac, *, seed):
    rng = np.random.default_rng(seed)
    return df.groupby(by, observed=True).apply(
        lambda rows: rows.sample(n=max(1, round(frac * len(rows))), random_state=rng)
    )
