# Wrong: divides W by the scale in place, changing the caller's array.
# Fails with: changed its argument `W`
import numpy as np


def quantize_int8(W, *, symmetric=True):
    if symmetric:
        peak = np.abs(W).max()
        scale = peak / 127 if peak > 0 else 1.0
        W /= scale
        return np.clip(np.rint(W), -127, 127).astype(np.int8), float(scale), 0
    low, high = min(W.min(), 0.0), max(W.max(), 0.0)
    scale = (high - low) / 255 if high > low else 1.0
    zero_point = int(np.clip(np.rint(-128 - low / scale), -128, 127))
    W /= scale
    return np.clip(np.rint(W) + zero_point, -128, 127).astype(np.int8), float(scale), zero_point
