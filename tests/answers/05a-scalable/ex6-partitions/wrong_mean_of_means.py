# Wrong: averages the partitions' means: right only when every partition holds the same
# number of values per group.
# Fails with: do not average the partitions' means
import pandas as pd


def summarise_partition(part, by, column):
    grouped = part[column].groupby(part[by])
    return pd.DataFrame({"total": grouped.sum().astype("float64"),
                         "count": grouped.count().astype("int64")})


def combine_summaries(summaries):
    means = [summary["total"] / summary["count"] for summary in summaries]
    return pd.concat(means).groupby(level=0).mean().astype("float64").sort_index()
