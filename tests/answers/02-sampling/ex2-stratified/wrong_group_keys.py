# Wrong: groupby(...).apply(...) without group_keys=False puts the group key into the index
# (the original labels are lost), and in pandas 3 it also drops the `by` column.
# Fails with: has lost the `by` column
import numpy as np


def stratified_sample(df, by, frac, *, seed):
    rng = np.random.default_rng(seed)
    return df.groupby(by, observed=True).apply(
        lambda rows: rows.sample(n=max(1, round(frac * len(rows))), random_state=rng)
    )
