# Wrong: equal scores go to the largest class.
import numpy as np


def weighted_vote(votes, accuracies, *, n_classes):
    grid = np.asarray(votes)
    acc = np.asarray(accuracies, dtype=float)
    weight = np.log((n_classes - 1) * acc / (1 - acc))
    scores = np.zeros((len(grid), n_classes))
    for j in range(grid.shape[1]):
        voted = grid[:, j] >= 0
        scores[np.flatnonzero(voted), grid[voted, j]] += weight[j]
    last_best = n_classes - 1 - scores[:, ::-1].argmax(axis=1)
    return np.where((grid >= 0).any(axis=1), last_best, -1)
