# Wrong: groupby(by, group_keys=False).apply(...) keeps the index labels, but in pandas 3 each
# group reaches the lambda without its grouping column, so `by` silently vanishes from the result.
# Fails with: has lost the `by` column
import numpy as np


def stratified_sample(df, by, frac, *, seed):
    rng = np.random.default_rng(seed)
    return df.groupby(by, group_keys=False, observed=True).apply(
        lambda rows: rows.sample(n=max(1, round(frac * len(rows))), random_state=rng)
    )
