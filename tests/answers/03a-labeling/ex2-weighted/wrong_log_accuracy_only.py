# Wrong: sums log(a) over the voters of each class, forgetting the wrong votes' term
# log((1 - a) / (K - 1)): the weights are negative and favour classes with fewer votes.
import numpy as np


def weighted_vote(votes, accuracies, *, n_classes):
    grid = np.asarray(votes)
    weight = np.log(np.asarray(accuracies, dtype=float))
    scores = np.full((len(grid), n_classes), -np.inf)
    for i, row in enumerate(grid):
        for j, label in enumerate(row):
            if label >= 0:
                scores[i, label] = (0.0 if np.isinf(scores[i, label]) else scores[i, label]) \
                    + weight[j]
    return np.where((grid >= 0).any(axis=1), scores.argmax(axis=1), -1)
