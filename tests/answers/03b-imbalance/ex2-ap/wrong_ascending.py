# Wrong: walks the scores from the lowest up, as if a low score meant "likely default".
# Fails with: AP = 1/2 * 1 + 1/2 * 2/3
import numpy as np


def average_precision(y_true, scores):
    truth = np.asarray(y_true).astype(bool)
    values = np.asarray(scores, dtype=float)
    if truth.sum() == 0:
        return 0.0
    total, previous = 0.0, 0.0
    for threshold in sorted(set(values.tolist())):
        flags = values <= threshold
        recall = np.sum(flags & truth) / truth.sum()
        total += (recall - previous) * np.sum(flags & truth) / flags.sum()
        previous = recall
    return float(total)
