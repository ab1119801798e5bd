# Wrong: int() truncates the affine zero point towards 0 instead of rounding it.
# Fails with: affine: zero point
import numpy as np


def quantize_int8(W, *, symmetric=True):
    W = np.asarray(W, dtype=float)
    if symmetric:
        peak = np.abs(W).max()
        scale = peak / 127 if peak > 0 else 1.0
        return np.clip(np.rint(W / scale), -127, 127).astype(np.int8), float(scale), 0
    low, high = min(W.min(), 0.0), max(W.max(), 0.0)
    scale = (high - low) / 255 if high > low else 1.0
    zero_point = int(-128 - low / scale)
    q = np.clip(np.rint(W / scale) + zero_point, -128, 127)
    return q.astype(np.int8), float(scale), zero_point
