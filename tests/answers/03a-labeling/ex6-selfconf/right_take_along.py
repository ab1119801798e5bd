# Right: np.take_along_axis picks each row's probability of its own label.
import numpy as np


def low_confidence_rows(labels, pred_probs, *, threshold):
    given = np.asarray(labels).astype(int)
    own = np.take_along_axis(np.asarray(pred_probs), given[:, None], axis=1)[:, 0]
    return np.nonzero(own < threshold)[0]
