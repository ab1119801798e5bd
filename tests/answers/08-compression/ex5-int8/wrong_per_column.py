# Wrong: one scale per column (as the lesson's per-channel variant) instead of one per array.
# Fails with: one number for the whole array
import numpy as np


def quantize_int8(W, *, symmetric=True):
    W = np.asarray(W, dtype=float)
    if symmetric:
        peak = np.abs(W).max(axis=0)
        scale = np.where(peak > 0, peak / 127, 1.0)
        return np.clip(np.rint(W / scale), -127, 127).astype(np.int8), scale, 0
    low, high = np.minimum(W.min(axis=0), 0.0), np.maximum(W.max(axis=0), 0.0)
    scale = np.where(high > low, (high - low) / 255, 1.0)
    zero_point = np.clip(np.rint(-128 - low / scale), -128, 127).astype(int)
    q = np.clip(np.rint(W / scale) + zero_point, -128, 127)
    return q.astype(np.int8), scale, zero_point
