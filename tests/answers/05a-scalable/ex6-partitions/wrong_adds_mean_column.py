# Wrong: right means, but it writes a "mean" column into the caller's summaries.
# Fails with: changed its argument `summaries`
import pandas as pd


def summarise_partition(part, by, column):
    grouped = part[column].groupby(part[by])
    return pd.DataFrame({"total": grouped.sum().astype("float64"),
                         "count": grouped.count().astype("int64")})


def combine_summaries(summaries):
    for summary in summaries:
        summary["mean"] = summary["total"] / summary["count"]
    added = pd.concat(summaries)[["total", "count"]].groupby(level=0).sum()
    means = added["total"] / added["count"].where(added["count"] > 0)
    return means.astype("float64").sort_index()
