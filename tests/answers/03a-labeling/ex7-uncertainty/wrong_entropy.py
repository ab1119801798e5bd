# Wrong: ranks by entropy instead of least confidence (the same ranking for two classes only).
# Fails with: not entropy or margin
import numpy as np


def uncertainty_sample(pred_probs, k, *, labeled):
    probs = np.asarray(pred_probs, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        entropy = -np.nansum(np.where(probs > 0, probs * np.log(probs), 0.0), axis=1)
    free = np.setdiff1d(np.arange(len(probs)), labeled)
    return free[np.argsort(-entropy[free], kind="stable")][:k]
