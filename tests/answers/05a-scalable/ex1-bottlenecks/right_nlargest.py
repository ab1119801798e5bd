# Right: pandas groupby-sum (names sorted A to Z), then Series.nlargest (ties kept in index order).
import pandas as pd


def top_bottlenecks(rows, total_seconds, k=3):
    table = pd.DataFrame(list(rows), columns=["function", "calls", "own", "cumulative"])
    own = table.groupby("function")["own"].sum()
    top = own.nlargest(k, keep="first")
    return [(name, float(seconds) / total_seconds) for name, seconds in top.items()]
