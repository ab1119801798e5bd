# Wrong: dx moves the rows and dy the columns (axes swapped).
import numpy as np


def shift_image(image, dx, dy, *, fill=0):
    height, width = image.shape
    out = np.full_like(image, fill)
    for r in range(height):
        for c in range(width):
            if 0 <= r - dx < height and 0 <= c - dy < width:
                out[r, c] = image[r - dx, c - dy]
    return out
