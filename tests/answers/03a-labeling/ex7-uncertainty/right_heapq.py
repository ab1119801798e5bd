# Right: heapq.nsmallest over (top probability, position) pairs of the unlabeled rows.
import heapq

import numpy as np


def uncertainty_sample(pred_probs, k, *, labeled):
    taken = set(np.asarray(labeled, dtype=int).tolist())
    tops = np.asarray(pred_probs).max(axis=1).tolist()
    pairs = [(top, i) for i, top in enumerate(tops) if i not in taken]
    return np.array([i for _, i in heapq.nsmallest(k, pairs)], dtype=np.int64)
