# Wrong: writes the shifted content back into the caller's image and returns it.
# Fails with: changed its argument `image`
import numpy as np


def shift_image(image, dx, dy, *, fill=0):
    shifted = np.full_like(image, fill)
    height, width = image.shape
    if abs(dy) < height and abs(dx) < width:
        shifted[max(dy, 0):height + min(dy, 0), max(dx, 0):width + min(dx, 0)] = \
            image[max(-dy, 0):height + min(-dy, 0), max(-dx, 0):width + min(-dx, 0)]
    image[...] = shifted  # reuse the caller's buffer
    return image
