# Right: plain dictionaries and loops, no groupby.
import math

import pandas as pd


def summarise_partition(part, by, column):
    totals, counts = {}, {}
    for key, value in zip(part[by].tolist(), part[column].tolist(), strict=True):
        totals.setdefault(key, 0.0)
        counts.setdefault(key, 0)
        if not math.isnan(value):
            totals[key] += value
            counts[key] += 1
    return pd.DataFrame({"total": pd.Series(totals, dtype="float64"),
                         "count": pd.Series(counts, dtype="int64")})


def combine_summaries(summaries):
    totals, counts = {}, {}
    for summary in summaries:
        for key, total, count in zip(summary.index, summary["total"], summary["count"],
                                     strict=True):
            totals[key] = totals.get(key, 0.0) + float(total)
            counts[key] = counts.get(key, 0) + int(count)
    keys = sorted(totals)
    return pd.Series([totals[k] / counts[k] if counts[k] else math.nan for k in keys],
                     index=keys, dtype="float64")
