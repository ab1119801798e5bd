# Right: label the runs of breaches (a new run id after every calm month), count inside each.
import numpy as np


def retrain_month(report, *, max_psi, min_auc, patience):
    psi = report["psi"].to_numpy(dtype=float)
    auc = report["auc"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        breach = (np.nan_to_num(psi, nan=-np.inf) > max_psi) | (
            np.nan_to_num(auc, nan=np.inf) < min_auc)
    run_id = np.cumsum(~breach)
    length = np.zeros(len(breach), dtype=int)
    for i in range(len(breach)):
        if breach[i]:
            length[i] = length[i - 1] + 1 if i and run_id[i] == run_id[i - 1] else 1
    where = np.flatnonzero(length >= patience)
    return report.index[where[0]] if len(where) else None
