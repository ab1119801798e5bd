# Right: a 0/1 column of present values summed per group; functools.reduce adds the summaries.
from functools import reduce


def summarise_partition(part, by, column):
    marked = part[[by, column]].assign(present=part[column].notna().astype("int64"))
    summary = marked.groupby(by).agg(total=(column, "sum"), count=("present", "sum"))
    return summary.astype({"total": "float64", "count": "int64"})


def combine_summaries(summaries):
    added = reduce(lambda left, right: left.add(right, fill_value=0), summaries)
    means = added["total"] / added["count"]
    return means.where(added["count"] > 0).astype("float64").sort_index()
