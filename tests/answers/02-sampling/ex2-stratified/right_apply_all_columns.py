# Right: groupby(by, group_keys=False)[list(df.columns)].apply(...): selecting every column
# explicitly hands the lambda the `by` column too, and group_keys=False keeps the index labels.
import numpy as np


def stratified_sample(df, by, frac, *, seed):
    rng = np.random.default_rng(seed)
    return df.groupby(by, group_keys=False, observed=True)[list(df.columns)].apply(
        lambda rows: rows.sample(n=max(1, round(frac * len(rows))), random_state=rng)
    )
