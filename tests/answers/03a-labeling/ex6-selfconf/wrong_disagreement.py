# Wrong: flags the rows whose predicted class differs from the label, ignoring the threshold.
import numpy as np


def low_confidence_rows(labels, pred_probs, *, threshold):
    return np.flatnonzero(np.asarray(pred_probs).argmax(axis=1) != np.asarray(labels))
