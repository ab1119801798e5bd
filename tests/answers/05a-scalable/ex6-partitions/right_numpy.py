# Right: masks with NumPy, np.unique for the groups, bincount-style sums.
import numpy as np
import pandas as pd


def summarise_partition(part, by, column):
    keys, codes = np.unique(part[by].to_numpy(), return_inverse=True)
    values = part[column].to_numpy(dtype="float64")
    present = ~np.isnan(values)
    total = np.bincount(codes[present], weights=values[present], minlength=len(keys))
    count = np.bincount(codes[present], minlength=len(keys))
    return pd.DataFrame({"total": total.astype("float64"), "count": count.astype("int64")},
                        index=keys)


def combine_summaries(summaries):
    stacked = pd.concat(list(summaries))
    sums = stacked.groupby(level=0)[["total", "count"]].sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(sums["count"] > 0, sums["total"] / sums["count"], np.nan)
    return pd.Series(means, index=sums.index, dtype="float64").sort_index()
