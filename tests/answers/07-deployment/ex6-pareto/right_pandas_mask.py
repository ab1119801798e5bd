# Right: pandas, one boolean mask per option over all the others.
import pandas as pd


def pareto_front(options):
    table = pd.DataFrame.from_dict({k: list(v) for k, v in options.items()}, orient="index",
                                   columns=["size", "latency"])
    keep = []
    for name, row in table.iterrows():
        no_worse = (table["size"] <= row["size"]) & (table["latency"] <= row["latency"])
        better = (table["size"] < row["size"]) | (table["latency"] < row["latency"])
        if not (no_worse & better).any():
            keep.append(name)
    return sorted(keep)
