# Wrong: a month breaches only when PSI AND AUC are both past their thresholds.
def retrain_month(report, *, max_psi, min_auc, patience):
    streak = 0
    for label, psi, auc in zip(report.index, report["psi"], report["auc"], strict=True):
        streak = streak + 1 if (psi > max_psi and auc < min_auc) else 0
        if streak >= patience:
            return label
    return None
