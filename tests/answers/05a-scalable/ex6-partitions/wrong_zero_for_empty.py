# Wrong: gives 0.0 instead of NaN to a group that has no values at all.
import pandas as pd


def summarise_partition(part, by, column):
    grouped = part[column].groupby(part[by])
    return pd.DataFrame({"total": grouped.sum().astype("float64"),
                         "count": grouped.count().astype("int64")})


def combine_summaries(summaries):
    added = pd.concat(list(summaries)).groupby(level=0).sum()
    means = (added["total"] / added["count"]).fillna(0.0)
    return means.astype("float64").sort_index()
