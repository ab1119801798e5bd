# Wrong: returns the raw agreement p_o, with no correction for chance.
import numpy as np


def cohen_kappa(rater_a, rater_b):
    return float(np.mean(np.asarray(rater_a) == np.asarray(rater_b)))
