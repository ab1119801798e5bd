# Wrong: returns the FIRST month of the breaching run instead of the month that completes it.
def retrain_month(report, *, max_psi, min_auc, patience):
    streak, start = 0, None
    for label, psi, auc in zip(report.index, report["psi"], report["auc"], strict=True):
        if psi > max_psi or auc < min_auc:
            start = label if streak == 0 else start
            streak += 1
            if streak >= patience:
                return start
        else:
            streak = 0
    return None
