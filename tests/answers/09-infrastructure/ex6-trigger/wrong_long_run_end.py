# Wrong: finds the first long-enough run of breaches but returns the run's LAST month.
from itertools import groupby


def retrain_month(report, *, max_psi, min_auc, patience):
    flags = [(bool(p > max_psi) or bool(a < min_auc), label)
             for label, p, a in zip(report.index, report["psi"], report["auc"],
                                    strict=True)]
    for breached, run in groupby(flags, key=lambda item: item[0]):
        run = list(run)
        if breached and len(run) >= patience:
            return run[-1][1]
    return None
