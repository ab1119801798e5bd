# Wrong: np.eye(K)[votes] turns the abstention -1 into a vote for the last class.
# Fails with: carry no weight
import numpy as np


def weighted_vote(votes, accuracies, *, n_classes):
    grid = np.asarray(votes)
    acc = np.asarray(accuracies, dtype=float)
    weight = np.log((n_classes - 1) * acc / (1 - acc))
    one_hot = np.eye(n_classes)[grid]  # -1 indexes the last row!
    scores = (one_hot * weight[None, :, None]).sum(axis=1)
    return np.where((grid >= 0).any(axis=1), scores.argmax(axis=1), -1)
