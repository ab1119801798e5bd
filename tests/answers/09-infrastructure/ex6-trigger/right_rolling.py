# Right: a rolling count of breaches over the last `patience` months.
def retrain_month(report, *, max_psi, min_auc, patience):
    breach = ((report["psi"] > max_psi) | (report["auc"] < min_auc)).astype(int)
    full = breach.rolling(patience).sum() == patience
    hits = full[full]
    return hits.index[0] if len(hits) else None
