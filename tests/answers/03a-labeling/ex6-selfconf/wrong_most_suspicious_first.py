# Wrong: returns the flagged rows most suspicious first (lowest probability first), not in
# increasing position as the contract says.
# Fails with: in increasing order
import numpy as np


def low_confidence_rows(labels, pred_probs, *, threshold):
    given = np.asarray(labels).astype(int)
    own = np.asarray(pred_probs)[np.arange(len(given)), given]
    flagged = np.flatnonzero(own < threshold)
    return flagged[np.argsort(own[flagged], kind="stable")]
