# Right: separate helpers for each scheme, using Python's round (ties to even).
import numpy as np


def _symmetric(W):
    peak = float(np.max(np.abs(W)))
    scale = peak / 127 if peak else 1.0
    q = np.clip(np.round(W / scale), -127, 127)
    return q.astype(np.int8), scale, 0


def _affine(W):
    low, high = min(float(W.min()), 0.0), max(float(W.max()), 0.0)
    if high == low:
        return np.zeros(W.shape, dtype=np.int8), 1.0, 0
    scale = (high - low) / 255
    zero_point = round(-128 - low / scale)
    zero_point = max(-128, min(127, zero_point))
    q = np.clip(np.round(W / scale) + zero_point, -128, 127)
    return q.astype(np.int8), scale, int(zero_point)


def quantize_int8(W, *, symmetric=True):
    W = np.asarray(W, dtype=np.float64)
    return _symmetric(W) if symmetric else _affine(W)
