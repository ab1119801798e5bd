# Right: a dict of scores per item, plain Python loops; ties go to the smallest class.
import math

import numpy as np


def weighted_vote(votes, accuracies, *, n_classes):
    weights = [math.log((n_classes - 1) * a / (1 - a)) for a in accuracies]
    result = []
    for row in np.asarray(votes).tolist():
        scores = {}
        for label, weight in zip(row, weights, strict=True):
            if label >= 0:
                scores[label] = scores.get(label, 0.0) + weight
        if not scores:
            result.append(-1)
            continue
        best = max(scores.values())
        result.append(min(label for label, score in scores.items() if score == best))
    return np.array(result, dtype=int)
