# Right: a plain loop over positions (labels turned into a list first).
import numpy as np


def low_confidence_rows(labels, pred_probs, *, threshold):
    flagged = []
    for i, label in enumerate(list(labels)):
        if pred_probs[i][int(label)] < threshold:
            flagged.append(i)
    return np.array(flagged, dtype=int)
