# Wrong: dropna on the partition first, so a group whose values are all missing disappears.
import pandas as pd


def summarise_partition(part, by, column):
    kept = part.dropna(subset=[column])
    grouped = kept[column].groupby(kept[by])
    return pd.DataFrame({"total": grouped.sum().astype("float64"),
                         "count": grouped.count().astype("int64")})


def combine_summaries(summaries):
    added = pd.concat(list(summaries)).groupby(level=0).sum()
    means = added["total"] / added["count"].where(added["count"] > 0)
    return means.astype("float64").sort_index()
