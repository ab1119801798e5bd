# Right: clip the source and destination ranges for each axis, copy one block.
import numpy as np


def _ranges(size, step):
    start, stop = max(0, step), min(size, size + step)
    return slice(start, max(start, stop)), slice(start - step, max(start, stop) - step)


def shift_image(image, dx, dy, *, fill=0):
    out = np.full(image.shape, fill, dtype=image.dtype)
    rows_to, rows_from = _ranges(image.shape[0], dy)
    cols_to, cols_from = _ranges(image.shape[1], dx)
    out[rows_to, cols_to] = image[rows_from, cols_from]
    return out
