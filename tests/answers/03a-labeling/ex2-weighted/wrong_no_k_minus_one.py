# Wrong: the binary log-odds log(a / (1 - a)), without the factor K - 1: right for two
# classes only.
# Fails with: n_classes - 1
import numpy as np


def weighted_vote(votes, accuracies, *, n_classes):
    grid = np.asarray(votes)
    acc = np.asarray(accuracies, dtype=float)
    weight = np.log(acc / (1 - acc))
    scores = np.zeros((len(grid), n_classes))
    for j in range(grid.shape[1]):
        voted = grid[:, j] >= 0
        scores[np.flatnonzero(voted), grid[voted, j]] += weight[j]
    scores[scores == 0] = -np.inf  # classes nobody voted for cannot win
    return np.where((grid >= 0).any(axis=1), scores.argmax(axis=1), -1)
