# Wrong: divides the step's time by the baseline's (a slow-down factor, not a speed-up).
import pandas as pd


def speedup_table(runs, baseline):
    best = {}
    for step, seconds in runs:
        best[step] = min(best.get(step, seconds), seconds)
    if baseline not in best:
        raise ValueError(f"unknown baseline {baseline!r}")
    return pd.DataFrame({"best_seconds": list(best.values()),
                         "speedup": [s / best[baseline] for s in best.values()]},
                        index=list(best))
