# Wrong: returns a boolean mask instead of the positions.
import numpy as np


def low_confidence_rows(labels, pred_probs, *, threshold):
    given = np.asarray(labels)
    return np.asarray(pred_probs)[np.arange(len(given)), given] < threshold
