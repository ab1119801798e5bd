# Right: the source coordinates of every output pixel, a mask of those inside, fancy indexing.
import numpy as np


def shift_image(image, dx, dy, *, fill=0):
    height, width = image.shape
    rows, cols = np.indices((height, width))
    source_rows, source_cols = rows - dy, cols - dx
    inside = ((source_rows >= 0) & (source_rows < height)
              & (source_cols >= 0) & (source_cols < width))
    out = np.full(image.shape, fill, dtype=image.dtype)
    out[inside] = image[source_rows[inside], source_cols[inside]]
    return out
