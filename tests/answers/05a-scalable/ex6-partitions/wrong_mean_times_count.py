# Wrong: stores total as mean * count, which is NaN (not 0.0) for a group whose values are all
# missing in the partition.
# Fails with: total must be the sum of the group's non-missing values
import pandas as pd


def summarise_partition(part, by, column):
    grouped = part.groupby(by)[column]
    count = grouped.count()
    return pd.DataFrame({"total": grouped.mean() * count, "count": count})


def combine_summaries(summaries):
    added = pd.concat(summaries).groupby(level=0).sum()
    means = added["total"] / added["count"].where(added["count"] > 0)
    return means.astype("float64").sort_index()
