# Wrong: counts -1 like any other label, so abstentions can win the vote.
from collections import Counter

import numpy as np


def majority_vote(votes):
    winners = []
    for row in np.asarray(votes).tolist():
        counts = Counter(row)
        best = max(counts.values())
        winners.append(min(label for label, count in counts.items() if count == best))
    return np.array(winners)
