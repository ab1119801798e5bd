# Wrong: labels[i] on a pandas Series looks up the index LABEL i, not the i-th row.
# Fails with: by position
import numpy as np


def low_confidence_rows(labels, pred_probs, *, threshold):
    return np.array([i for i in range(len(labels)) if pred_probs[i, labels[i]] < threshold],
                    dtype=int)
