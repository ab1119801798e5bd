# Right: rounds half up with floor(x + 0.5), and computes the zero point from the top end.
import math

import numpy as np


def quantize_int8(W, *, symmetric=True):
    W = np.array(W, dtype=float)
    if symmetric:
        peak = np.abs(W).max()
        scale = 1.0 if peak == 0 else peak / 127.0
        q = np.floor(W / scale + 0.5)
        return np.clip(q, -127, 127).astype(np.int8), float(scale), 0
    low = min(0.0, W.min())
    high = max(0.0, W.max())
    scale = 1.0 if high == low else (high - low) / 255.0
    zero_point = int(math.floor(-128 - low / scale + 0.5))
    zero_point = min(max(zero_point, -128), 127)
    q = np.floor(W / scale + 0.5) + zero_point
    return np.clip(q, -128, 127).astype(np.int8), float(scale), zero_point
