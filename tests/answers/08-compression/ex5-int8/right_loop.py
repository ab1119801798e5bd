# Right: entry by entry with Python floats (students who avoid vectorised code).
import numpy as np


def quantize_int8(W, *, symmetric=True):
    values = np.asarray(W, dtype=float)
    flat = values.ravel().tolist()
    if symmetric:
        peak = max(abs(v) for v in flat)
        scale = peak / 127 if peak > 0 else 1.0
        zero_point, low_code, high_code = 0, -127, 127
    else:
        low, high = min(min(flat), 0.0), max(max(flat), 0.0)
        scale = (high - low) / 255 if high > low else 1.0
        zero_point = min(127, max(-128, int(round(-128 - low / scale))))
        low_code, high_code = -128, 127
    codes = [min(high_code, max(low_code, int(round(v / scale)) + zero_point)) for v in flat]
    return np.array(codes, dtype=np.int8).reshape(values.shape), scale, zero_point
