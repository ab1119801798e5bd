# Wrong: the affine scheme uses uint8 codes 0..255 (zero point 128 too big for int8).
import numpy as np


def quantize_int8(W, *, symmetric=True):
    W = np.asarray(W, dtype=float)
    if symmetric:
        peak = np.abs(W).max()
        scale = peak / 127 if peak > 0 else 1.0
        return np.clip(np.rint(W / scale), -127, 127).astype(np.int8), float(scale), 0
    low, high = min(W.min(), 0.0), max(W.max(), 0.0)
    scale = (high - low) / 255 if high > low else 1.0
    zero_point = int(np.clip(np.rint(-low / scale), 0, 255))
    q = np.clip(np.rint(W / scale) + zero_point, 0, 255)
    return q.astype(np.uint8), float(scale), zero_point
