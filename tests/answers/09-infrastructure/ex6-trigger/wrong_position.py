# Wrong: returns the month's position (0, 1, ...) instead of its index label.
def retrain_month(report, *, max_psi, min_auc, patience):
    streak = 0
    for position, (psi, auc) in enumerate(zip(report["psi"], report["auc"], strict=True)):
        streak = streak + 1 if (psi > max_psi or auc < min_auc) else 0
        if streak >= patience:
            return position
    return None
