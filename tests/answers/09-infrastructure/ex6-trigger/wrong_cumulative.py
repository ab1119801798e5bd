# Wrong: counts breaches without resetting after a calm month (not CONSECUTIVE).
# Fails with: CONSECUTIVE
def retrain_month(report, *, max_psi, min_auc, patience):
    seen = 0
    for label, psi, auc in zip(report.index, report["psi"], report["auc"], strict=True):
        if psi > max_psi or auc < min_auc:
            seen += 1
            if seen >= patience:
                return label
    return None
