# Wrong: weighs each vote by the accuracy itself instead of its log-odds.
import numpy as np


def weighted_vote(votes, accuracies, *, n_classes):
    grid = np.asarray(votes)
    acc = np.asarray(accuracies, dtype=float)
    scores = np.zeros((len(grid), n_classes))
    for j in range(grid.shape[1]):
        voted = grid[:, j] >= 0
        scores[np.flatnonzero(voted), grid[voted, j]] += acc[j]
    return np.where((grid >= 0).any(axis=1), scores.argmax(axis=1), -1)
