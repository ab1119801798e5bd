# Right: a dict keeps first-appearance order; min per step; divide.
import pandas as pd


def speedup_table(runs, baseline):
    best = {}
    for step, seconds in runs:
        best[step] = min(best.get(step, seconds), seconds)
    if baseline not in best:
        raise ValueError(f"unknown baseline {baseline!r}")
    return pd.DataFrame({"best_seconds": list(best.values()),
                         "speedup": [best[baseline] / s for s in best.values()]},
                        index=list(best))
