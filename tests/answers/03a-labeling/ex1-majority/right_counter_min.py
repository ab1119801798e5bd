# Right: counts with collections.Counter and breaks ties with min() over the tied labels.
from collections import Counter

import numpy as np


def majority_vote(votes):
    winners = []
    for row in np.asarray(votes).tolist():
        counts = Counter(label for label in row if label != -1)
        if not counts:
            winners.append(-1)
            continue
        best = max(counts.values())
        winners.append(min(label for label, count in counts.items() if count == best))
    return np.array(winners, dtype=int)
