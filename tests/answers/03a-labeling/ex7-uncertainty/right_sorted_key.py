# Right: Python's sorted with a (least confidence, position) key.
import numpy as np


def uncertainty_sample(pred_probs, k, *, labeled):
    taken = {int(i) for i in labeled}
    uncertainty = [1.0 - max(row) for row in np.asarray(pred_probs).tolist()]
    free = [i for i in range(len(uncertainty)) if i not in taken]
    ranked = sorted(free, key=lambda i: (-uncertainty[i], i))
    return np.array(ranked[:k], dtype=int)
