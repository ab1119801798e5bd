# Right: pd.unique gives the steps in first-appearance order; min over a list per step.
import pandas as pd


def speedup_table(runs, baseline):
    steps = pd.unique(pd.Series([step for step, _ in runs], dtype=object))
    best = [min(seconds for name, seconds in runs if name == step) for step in steps]
    table = pd.DataFrame({"best_seconds": best}, index=pd.Index(list(steps), name="step"))
    if baseline not in table.index:
        raise ValueError(f"unknown baseline step {baseline!r}")
    table["speedup"] = table.at[baseline, "best_seconds"] / table["best_seconds"]
    return table
