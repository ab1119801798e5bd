# Right: shift the log-odds by the difference of the two prior log-odds (scipy's logit/expit).
import numpy as np
from scipy.special import expit, logit


def prior_shift(probabilities, *, train_rate, true_rate):
    p = np.asarray(probabilities, dtype=float)
    return expit(logit(p) + logit(true_rate) - logit(train_rate))
