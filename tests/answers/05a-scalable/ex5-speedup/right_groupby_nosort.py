# Right: pandas groupby with sort=False keeps the first-appearance order.
import pandas as pd


def speedup_table(runs, baseline):
    timings = pd.DataFrame(list(runs), columns=["step", "seconds"])
    best = timings.groupby("step", sort=False)["seconds"].min()
    if baseline not in best.index:
        raise ValueError("baseline is not one of the steps")
    return pd.DataFrame({"best_seconds": best, "speedup": best[baseline] / best})
