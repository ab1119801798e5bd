# Wrong: flags probabilities at or below the threshold (the contract says strictly below).
# Fails with: strictly below
import numpy as np


def low_confidence_rows(labels, pred_probs, *, threshold):
    given = np.asarray(labels)
    own = np.asarray(pred_probs)[np.arange(len(given)), given]
    return np.flatnonzero(own <= threshold)
