# Wrong: inverted weights count / n, which favour the common class.
import numpy as np


def balanced_sample_weights(y):
    labels = np.asarray(y)
    _, class_of_row, counts = np.unique(labels, return_inverse=True, return_counts=True)
    return counts[class_of_row] / len(labels)
