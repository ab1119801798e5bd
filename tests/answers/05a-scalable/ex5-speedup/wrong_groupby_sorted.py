# Wrong: groupby sorts the steps alphabetically, so the rows lose the order of the runs.
# Fails with: FIRST appear in runs
import pandas as pd


def speedup_table(runs, baseline):
    timings = pd.DataFrame(list(runs), columns=["step", "seconds"])
    best = timings.groupby("step")["seconds"].min()
    if baseline not in best.index:
        raise ValueError("baseline is not one of the steps")
    return pd.DataFrame({"best_seconds": best, "speedup": best[baseline] / best})
