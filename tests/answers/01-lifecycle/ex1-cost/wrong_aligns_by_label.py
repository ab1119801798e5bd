# Wrong: right on lists and arrays, but it keeps pandas Series as they are, so two Series
# with different index labels are matched by label (pandas aligns them), not by position.
# Fails with: match the elements by position
import pandas as pd


def expected_cost(y_true, y_pred, *, cost_fp, cost_fn):
    actual = pd.Series(y_true).astype(int)
    flagged = pd.Series(y_pred).astype(int)
    n_fp = int(((flagged == 1) & (actual == 0)).sum())
    n_fn = int(((flagged == 0) & (actual == 1)).sum())
    return (cost_fp * n_fp + cost_fn * n_fn) / len(actual)
