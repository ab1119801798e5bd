# Right: pandas groups the rows by score; cumulative counts from the top score down.
import math

import numpy as np
import pandas as pd


def cost_minimising_threshold(y_true, scores, *, cost_fp, cost_fn):
    table = pd.DataFrame({"score": np.asarray(scores, dtype=float),
                          "positive": np.asarray(y_true).astype(int)})
    steps = table.groupby("score")["positive"].agg(["sum", "count"]).sort_index(
        ascending=False)
    n_positive = int(table["positive"].sum())
    caught = steps["sum"].cumsum()
    false_alarms = (steps["count"] - steps["sum"]).cumsum()
    costs = cost_fp * false_alarms + cost_fn * (n_positive - caught)
    candidates = pd.concat([pd.Series([cost_fn * n_positive], index=[math.inf]), costs])
    lowest = candidates.min()
    return float(max(t for t, c in candidates.items() if c == lowest))
