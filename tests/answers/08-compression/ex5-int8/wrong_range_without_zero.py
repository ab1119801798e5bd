# Wrong: the affine range is [W.min(), W.max()] without widening it to include 0.
# Fails with: the range [min, max] must first be widened to include 0
import numpy as np


def quantize_int8(W, *, symmetric=True):
    W = np.asarray(W, dtype=float)
    if symmetric:
        peak = np.abs(W).max()
        scale = peak / 127 if peak > 0 else 1.0
        return np.clip(np.rint(W / scale), -127, 127).astype(np.int8), float(scale), 0
    low, high = W.min(), W.max()
    scale = (high - low) / 255 if high > low else 1.0
    zero_point = int(np.clip(np.rint(-128 - low / scale), -128, 127))
    q = np.clip(np.rint(W / scale) + zero_point, -128, 127)
    return q.astype(np.int8), float(scale), zero_point
