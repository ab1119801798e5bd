# Wrong: pools the two raters' label shares for p_e (that is Scott's pi, not Cohen's kappa).
import numpy as np


def cohen_kappa(rater_a, rater_b):
    a, b = np.asarray(rater_a), np.asarray(rater_b)
    p_o = float(np.mean(a == b))
    both = np.concatenate([a, b])
    p_e = float(sum(np.mean(both == c) ** 2 for c in np.unique(both)))
    if p_e == 1.0:
        return float("nan")
    return (p_o - p_e) / (1 - p_e)
