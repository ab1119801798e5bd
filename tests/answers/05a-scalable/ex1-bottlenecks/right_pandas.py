# Right: pandas groupby-sum, then a stable two-key sort (name first, then time descending).
import pandas as pd


def top_bottlenecks(rows, total_seconds, k=3):
    table = pd.DataFrame(list(rows), columns=["function", "calls", "own", "cumulative"])
    own = table.groupby("function")["own"].sum().reset_index()
    own = own.sort_values("function", kind="stable").sort_values("own", ascending=False,
                                                                  kind="stable")
    top = own.head(k)
    return [(str(name), float(seconds) / total_seconds)
            for name, seconds in zip(top["function"], top["own"], strict=True)]
