# Wrong: uses each step's mean time instead of its fastest run.
import pandas as pd


def speedup_table(runs, baseline):
    timings = pd.DataFrame(list(runs), columns=["step", "seconds"])
    mean = timings.groupby("step", sort=False)["seconds"].mean()
    if baseline not in mean.index:
        raise ValueError("baseline is not one of the steps")
    return pd.DataFrame({"best_seconds": mean, "speedup": mean[baseline] / mean})
