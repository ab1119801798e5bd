# Wrong: right month, but it writes a helper column into the caller's report.
# Fails with: changed its argument
def retrain_month(report, *, max_psi, min_auc, patience):
    report["breach"] = (report["psi"] > max_psi) | (report["auc"] < min_auc)
    streak = 0
    for label, hit in zip(report.index, report["breach"], strict=True):
        streak = streak + 1 if hit else 0
        if streak >= patience:
            return label
    return None
