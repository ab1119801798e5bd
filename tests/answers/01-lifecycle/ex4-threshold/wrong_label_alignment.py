# Wrong: right for lists and arrays, but it keeps pandas Series as they are and selects
# the defaults' scores with a boolean Series, which pandas aligns by index label.
# Fails with: by position
import numpy as np
import pandas as pd


def best_threshold(y_true, scores, *, cost_fp, cost_fn):
    actual = pd.Series(y_true).astype(int)
    values = pd.Series(scores).astype(float)
    defaults = np.sort(values.where(actual == 1).dropna().to_numpy())
    repaid = np.sort(values.where(actual == 0).dropna().to_numpy())
    candidates = np.append(np.unique(values.to_numpy()), np.inf)
    missed = np.searchsorted(defaults, candidates, side="left")
    alarms = len(repaid) - np.searchsorted(repaid, candidates, side="left")
    return float(candidates[int(np.argmin(cost_fn * missed + cost_fp * alarms))])
