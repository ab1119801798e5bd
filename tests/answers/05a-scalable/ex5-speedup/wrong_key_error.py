# Wrong: looks the baseline up with .loc, so an unknown baseline raises KeyError, not ValueError.
# Fails with: raise ValueError when baseline is not one of the steps
import pandas as pd


def speedup_table(runs, baseline):
    table = pd.DataFrame(runs, columns=["step", "seconds"]).groupby("step", sort=False).min()
    table = table.rename(columns={"seconds": "best_seconds"})
    table["speedup"] = table.loc[baseline, "best_seconds"] / table["best_seconds"]
    return table
