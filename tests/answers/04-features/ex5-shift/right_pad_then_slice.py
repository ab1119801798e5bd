# Right: pad with the fill value on every side, then cut the shifted window.
import numpy as np


def shift_image(image, dx, dy, *, fill=0):
    height, width = image.shape
    pad_y, pad_x = abs(dy), abs(dx)
    padded = np.pad(image, ((pad_y, pad_y), (pad_x, pad_x)), constant_values=fill)
    top, left = pad_y - dy, pad_x - dx
    return padded[top:top + height, left:left + width].copy()
