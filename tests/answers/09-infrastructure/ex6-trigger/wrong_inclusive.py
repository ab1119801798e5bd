# Wrong: a value equal to a threshold counts as a breach (>= and <=).
# Fails with: strict inequalities
def retrain_month(report, *, max_psi, min_auc, patience):
    streak = 0
    for label, psi, auc in zip(report.index, report["psi"], report["auc"], strict=True):
        streak = streak + 1 if (psi >= max_psi or auc <= min_auc) else 0
        if streak >= patience:
            return label
    return None
