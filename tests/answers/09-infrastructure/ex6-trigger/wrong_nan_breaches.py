# Wrong: "not healthy" instead of "breach": a NaN AUC or PSI counts as a breach.
# Fails with: NaN
def retrain_month(report, *, max_psi, min_auc, patience):
    healthy = (report["psi"] <= max_psi) & (report["auc"] >= min_auc)
    streak = 0
    for label, ok in zip(report.index, healthy, strict=True):
        streak = 0 if ok else streak + 1
        if streak >= patience:
            return label
    return None
