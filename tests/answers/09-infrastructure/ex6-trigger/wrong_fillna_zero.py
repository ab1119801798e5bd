# Wrong: fills missing values with 0 first, so a month whose AUC is not known yet breaches.
# Fails with: a NaN value never breaches
def retrain_month(report, *, max_psi, min_auc, patience):
    filled = report.fillna(0.0)
    streak = 0
    for label, row in filled.iterrows():
        streak = streak + 1 if (row["psi"] > max_psi or row["auc"] < min_auc) else 0
        if streak == patience:
            return label
    return None
