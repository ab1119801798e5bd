# Right: a loop over the output pixels.
import numpy as np


def shift_image(image, dx, dy, *, fill=0):
    height, width = image.shape
    out = np.empty_like(image)
    for r in range(height):
        for c in range(width):
            source_r, source_c = r - dy, c - dx
            if 0 <= source_r < height and 0 <= source_c < width:
                out[r, c] = image[source_r, source_c]
            else:
                out[r, c] = fill
    return out
