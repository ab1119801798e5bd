# Wrong: positive dx moves the content to the left (out[r, c] = image[r + dy, c + dx]).
import numpy as np


def shift_image(image, dx, dy, *, fill=0):
    height, width = image.shape
    out = np.full_like(image, fill)
    for r in range(height):
        for c in range(width):
            if 0 <= r + dy < height and 0 <= c + dx < width:
                out[r, c] = image[r + dy, c + dx]
    return out
