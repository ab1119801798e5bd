# Wrong: flags rows where the model itself is unsure (low top probability), whatever the label.
import numpy as np


def low_confidence_rows(labels, pred_probs, *, threshold):
    return np.flatnonzero(np.asarray(pred_probs).max(axis=1) < threshold)
