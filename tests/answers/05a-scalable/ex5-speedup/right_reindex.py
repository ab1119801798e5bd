# Right: groupby (sorted), then reindex to the order of first appearance.
import pandas as pd


def speedup_table(runs, baseline):
    steps = pd.Series([seconds for _, seconds in runs], index=[step for step, _ in runs])
    order = list(dict.fromkeys(steps.index))
    if baseline not in order:
        raise ValueError(f"{baseline} not found")
    best = steps.groupby(level=0).min().reindex(order)
    table = best.to_frame("best_seconds")
    table["speedup"] = table.loc[baseline, "best_seconds"] / table["best_seconds"]
    return table
