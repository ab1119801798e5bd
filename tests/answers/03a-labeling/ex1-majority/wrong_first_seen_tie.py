# Wrong: Counter.most_common breaks ties by which label was seen first, not by the smallest.
# Fails with: some ties were broken another way
from collections import Counter

import numpy as np


def majority_vote(votes):
    winners = []
    for row in np.asarray(votes).tolist():
        counts = Counter(label for label in row if label != -1)
        winners.append(counts.most_common(1)[0][0] if counts else -1)
    return np.array(winners)
