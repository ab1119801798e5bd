# Wrong: no special case for an all-zero W, so the scale is 0 and the codes come from nan.
# Fails with: use scale 1.0
import numpy as np


def quantize_int8(W, *, symmetric=True):
    W = np.asarray(W, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if symmetric:
            scale = np.abs(W).max() / 127
            q = np.clip(np.rint(W / scale), -127, 127)
            return np.nan_to_num(q).astype(np.int8), float(scale), 0
        low, high = min(W.min(), 0.0), max(W.max(), 0.0)
        scale = (high - low) / 255
        zero_point = int(np.nan_to_num(np.clip(np.rint(-128 - low / scale), -128, 127)))
        q = np.clip(np.rint(W / scale) + zero_point, -128, 127)
        return np.nan_to_num(q).astype(np.int8), float(scale), zero_point
