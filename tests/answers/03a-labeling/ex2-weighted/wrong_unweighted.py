# Wrong: a plain majority vote; the accuracies are ignored.
import numpy as np


def weighted_vote(votes, accuracies, *, n_classes):
    grid = np.asarray(votes)
    counts = (grid[:, :, None] == np.arange(n_classes)).sum(axis=1)
    return np.where((grid >= 0).any(axis=1), counts.argmax(axis=1), -1)
