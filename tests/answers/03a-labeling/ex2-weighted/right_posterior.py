# Right: the full log-likelihood of each class (right votes log a, wrong ones
# log((1 - a) / (K - 1))): it differs from the score by a constant per item, same winner.
import numpy as np


def weighted_vote(votes, accuracies, *, n_classes):
    grid = np.asarray(votes)
    acc = np.asarray(accuracies, dtype=float)
    log_right = np.log(acc)
    log_wrong = np.log((1 - acc) / (n_classes - 1))
    result = np.full(len(grid), -1)
    for i, row in enumerate(grid):
        voted = row >= 0
        if not voted.any():
            continue
        loglik = [np.sum(np.where(row[voted] == c, log_right[voted], log_wrong[voted]))
                  for c in range(n_classes)]
        result[i] = int(np.argmax(loglik))
    return result
