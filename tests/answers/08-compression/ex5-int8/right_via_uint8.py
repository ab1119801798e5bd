# Right: affine codes computed as uint8 (0..255) first, then shifted down by 128.
import numpy as np


def quantize_int8(W, *, symmetric=True):
    W = np.asarray(W, dtype=np.float64)
    if symmetric:
        peak = np.max(np.abs(W))
        scale = float(peak / 127) if peak > 0 else 1.0
        return np.clip(np.rint(W / scale), -127, 127).astype(np.int8), scale, 0
    low, high = min(W.min(), 0.0), max(W.max(), 0.0)
    if high == low:
        return np.full(W.shape, -128, dtype=np.int8), 1.0, -128
    scale = float((high - low) / 255)
    unsigned_zero = int(np.clip(np.rint(-low / scale), 0, 255))
    unsigned = np.clip(np.rint(W / scale) + unsigned_zero, 0, 255)
    return (unsigned - 128).astype(np.int8), scale, unsigned_zero - 128
