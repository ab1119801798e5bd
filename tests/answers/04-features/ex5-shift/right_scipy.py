# Right: scipy.ndimage.shift with nearest-neighbour interpolation (exact for whole pixels).
from scipy import ndimage


def shift_image(image, dx, dy, *, fill=0):
    return ndimage.shift(image, (dy, dx), order=0, mode="constant", cval=fill)
