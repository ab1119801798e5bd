# Wrong: counts the group's rows (size), missing values included, so the means are too small.
# Fails with: NON-MISSING values
import pandas as pd


def summarise_partition(part, by, column):
    grouped = part[column].groupby(part[by])
    return pd.DataFrame({"total": grouped.sum().astype("float64"),
                         "count": grouped.size().astype("int64")})


def combine_summaries(summaries):
    added = pd.concat(list(summaries)).groupby(level=0).sum()
    means = added["total"] / added["count"].where(added["count"] > 0)
    return means.astype("float64").sort_index()
