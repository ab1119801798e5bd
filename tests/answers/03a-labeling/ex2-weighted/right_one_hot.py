# Right: one-hot votes (items x voters x classes) weighted with einsum.
import numpy as np


def weighted_vote(votes, accuracies, *, n_classes):
    grid = np.asarray(votes)
    acc = np.asarray(accuracies, dtype=float)
    weight = np.log(n_classes - 1) + np.log(acc) - np.log1p(-acc)
    one_hot = (grid[:, :, None] == np.arange(n_classes)).astype(float)
    scores = np.einsum("ijk,j->ik", one_hot, weight)
    return np.where((grid >= 0).any(axis=1), scores.argmax(axis=1), -1)
