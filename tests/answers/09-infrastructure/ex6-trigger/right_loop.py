# Right: a plain loop over the rows; NaN compares False, so it never breaches.
def retrain_month(report, *, max_psi, min_auc, patience):
    streak = 0
    for label, row in report.iterrows():
        if row["psi"] > max_psi or row["auc"] < min_auc:
            streak += 1
            if streak == patience:
                return label
        else:
            streak = 0
    return None
