# Right: groupby().agg(sum, count), then add the summaries with DataFrame.add(fill_value=0).
import numpy as np


def summarise_partition(part, by, column):
    summary = part.groupby(by)[column].agg(["sum", "count"])
    return summary.rename(columns={"sum": "total"}).astype({"total": "float64", "count": "int64"})


def combine_summaries(summaries):
    added = None
    for summary in summaries:
        added = summary.copy() if added is None else added.add(summary, fill_value=0)
    counts = added["count"].astype("float64")
    means = added["total"] / counts.replace(0.0, np.nan)
    return means.astype("float64").sort_index()
