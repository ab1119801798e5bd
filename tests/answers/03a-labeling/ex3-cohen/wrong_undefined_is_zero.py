# Wrong: returns 0.0 ("no agreement beyond chance") in the undefined case instead of nan.
# Fails with: (not 1.0, not 0.0)
import numpy as np


def cohen_kappa(rater_a, rater_b):
    a, b = np.asarray(rater_a), np.asarray(rater_b)
    p_o = float(np.mean(a == b))
    p_e = float(sum(np.mean(a == c) * np.mean(b == c) for c in np.union1d(a, b)))
    if p_e == 1.0:
        return 0.0
    return (p_o - p_e) / (1.0 - p_e)
