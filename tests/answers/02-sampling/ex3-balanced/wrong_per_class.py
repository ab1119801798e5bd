# Wrong: one weight per class instead of one weight per row.
import numpy as np


def balanced_sample_weights(y):
    labels = np.asarray(y)
    _, counts = np.unique(labels, return_counts=True)
    return len(labels) / (len(counts) * counts.astype(float))
