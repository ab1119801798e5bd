# Wrong: keeps the running best label and replaces it on an equal count, so a tie goes to
# the label that reached the top count last, not to the smallest.
# Fails with: some ties were broken another way
import numpy as np


def majority_vote(votes):
    winners = []
    for row in np.asarray(votes).tolist():
        counts, best, best_count = {}, -1, 0
        for label in row:
            if label == -1:
                continue
            counts[label] = counts.get(label, 0) + 1
            if counts[label] >= best_count:
                best, best_count = label, counts[label]
        winners.append(best)
    return np.array(winners, dtype=np.int64)
