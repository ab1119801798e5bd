# Wrong: returns 1.0 whenever the raters agree on every item, also when both used a single
# category (the contract says nan: kappa is 0/0 there).
# Fails with: (not 1.0, not 0.0)
import numpy as np


def cohen_kappa(rater_a, rater_b):
    a, b = np.asarray(rater_a), np.asarray(rater_b)
    p_o = float(np.mean(a == b))
    if p_o == 1.0:
        return 1.0
    p_e = float(sum(np.mean(a == c) * np.mean(b == c) for c in np.union1d(a, b)))
    return (p_o - p_e) / (1 - p_e)
