# Wrong: sorts the rows of the caller's array in place (np.asarray does not copy an array).
# Fails with: changed its argument
import numpy as np


def majority_vote(votes):
    grid = np.asarray(votes)
    grid.sort(axis=1)  # equal labels side by side; but this reorders the caller's votes
    result = []
    for row in grid:
        cast = row[row >= 0]
        if cast.size == 0:
            result.append(-1)
            continue
        values, counts = np.unique(cast, return_counts=True)
        result.append(int(values[counts.argmax()]))
    return np.array(result)
