# Wrong: keeps the groups in the order they were first seen instead of sorting them.
import pandas as pd


def summarise_partition(part, by, column):
    grouped = part[column].groupby(part[by], sort=False)
    return pd.DataFrame({"total": grouped.sum().astype("float64"),
                         "count": grouped.count().astype("int64")})


def combine_summaries(summaries):
    added = pd.concat(list(summaries)).groupby(level=0, sort=False).sum()
    means = added["total"] / added["count"].where(added["count"] > 0)
    return means.astype("float64")
