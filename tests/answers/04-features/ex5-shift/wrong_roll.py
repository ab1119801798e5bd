# Wrong: np.roll wraps around: what leaves one border comes back at the other.
# Fails with: no wrap-around
import numpy as np


def shift_image(image, dx, dy, *, fill=0):
    return np.roll(image, shift=(dy, dx), axis=(0, 1))
