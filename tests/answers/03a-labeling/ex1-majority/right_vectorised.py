# Right: one vectorised count table (items x labels), argmax, and -1 for rows with no vote.
import numpy as np


def majority_vote(votes):
    grid = np.asarray(votes)
    n_labels = max(int(grid.max()) + 1, 1)
    counts = (grid[:, :, None] == np.arange(n_labels)).sum(axis=1)
    winners = counts.argmax(axis=1)  # first maximum = smallest label
    return np.where(counts.sum(axis=1) > 0, winners, -1)
