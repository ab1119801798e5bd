# Wrong: slices such as image[:-dy] are empty when the shift is 0.
import numpy as np


def shift_image(image, dx, dy, *, fill=0):
    out = np.full_like(image, fill)
    source = image
    if dy >= 0:
        out_rows, source_rows = slice(dy, None), slice(None, -dy)
    else:
        out_rows, source_rows = slice(None, dy), slice(-dy, None)
    if dx >= 0:
        out_cols, source_cols = slice(dx, None), slice(None, -dx)
    else:
        out_cols, source_cols = slice(None, dx), slice(-dx, None)
    out[out_rows, out_cols] = source[source_rows, source_cols]
    return out
