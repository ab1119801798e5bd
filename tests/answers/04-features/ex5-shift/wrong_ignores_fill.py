# Wrong: always fills the uncovered pixels with 0, whatever fill says (np.zeros_like).
import numpy as np


def shift_image(image, dx, dy, *, fill=0):
    height, width = image.shape
    out = np.zeros_like(image)
    for r in range(height):
        for c in range(width):
            if 0 <= r - dy < height and 0 <= c - dx < width:
                out[r, c] = image[r - dy, c - dx]
    return out
