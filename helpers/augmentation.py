"""Label-preserving transformations and perturbations: more training data from the data you have.

Data augmentation makes new training examples from old ones by changes that should not
change the label: a digit moved by a pixel is still the same digit, a message with a typo
still asks the same question. This module holds the transformations the Features week
uses for its experiments, for small grey-scale images such as scikit-learn's 8x8 digits
(``sklearn.datasets.load_digits``) and for short texts:

:func:`transform_image`
    Rotate, scale and shift one image about its centre (bilinear interpolation).
:func:`random_affine`
    A random small rotation, scaling and shift for each image of a stack.
:func:`random_crop`
    Cut a random window out of each image and stretch it back to full size.
:func:`jitter`
    Add Gaussian noise to every pixel (a perturbation), clipped to the valid range.
:func:`augment`
    Stack a training set with transformed copies of itself, labels repeated.
:func:`add_typos`
    Keyboard typos in a text: a neighbouring key, a dropped, doubled or swapped letter.

Every random function takes a ``seed`` and draws only from its own
:func:`numpy.random.default_rng`, so the same seed gives the same result and the global
random state is never touched. Inputs are never modified.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers._validation import check_int, check_real, check_seed

__all__ = [
    "KEYBOARD_NEIGHBOURS",
    "add_typos",
    "augment",
    "jitter",
    "random_affine",
    "random_crop",
    "transform_image",
]

_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_ROW_OFFSETS = (0.0, 0.25, 0.75)  # how far each row is shifted right, in key widths


def _neighbours() -> dict[str, str]:
    """Letters touching each letter on a QWERTY keyboard: left, right and the staggered rows."""
    positions = {letter: (r, i + _ROW_OFFSETS[r])
                 for r, row in enumerate(_KEYBOARD_ROWS) for i, letter in enumerate(row)}
    table = {}
    for letter, (row, x) in positions.items():
        near = [other for other, (other_row, other_x) in positions.items()
                if other != letter and abs(other_row - row) <= 1 and abs(other_x - x) < 1.01]
        table[letter] = "".join(sorted(near))
    return table


#: For each lower-case letter, the letters around it on a QWERTY keyboard.
KEYBOARD_NEIGHBOURS: dict[str, str] = _neighbours()


def _as_image(image: object, name: str = "image") -> np.ndarray:
    array = np.asarray(image)
    if array.ndim != 2 or array.size == 0:
        raise ValueError(f"{name} must be a non-empty 2-D array (height, width), "
                         f"got shape {array.shape}.")
    if array.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold numbers, got dtype {array.dtype}.")
    return array


def _as_stack(images: object) -> np.ndarray:
    array = np.asarray(images)
    if array.ndim != 3 or array.size == 0:
        raise ValueError("images must be a non-empty 3-D array (n_images, height, width), "
                         f"got shape {array.shape}; for one image use image[None].")
    if array.dtype.kind not in "biuf":
        raise TypeError(f"images must hold numbers, got dtype {array.dtype}.")
    return array


def _check_range(value_range: object) -> tuple[float, float]:
    try:
        low, high = value_range  # type: ignore[misc]
    except (TypeError, ValueError) as error:
        raise ValueError(f"value_range must be (low, high), got {value_range!r}.") from error
    low = check_real(low, "value_range low")
    high = check_real(high, "value_range high")
    if not low < high:
        raise ValueError(f"value_range must have low < high, got {value_range!r}.")
    return low, high


def transform_image(
    image: np.ndarray,
    *,
    rotation: float = 0.0,
    scale: float = 1.0,
    shift: tuple[float, float] = (0.0, 0.0),
    fill: float = 0.0,
) -> np.ndarray:
    """Rotate and scale an image about its centre, then shift it.

    Each output pixel takes the value, interpolated bilinearly, of the point of the input
    that the transformation moves onto it; points outside the input read as ``fill``.
    Nothing wraps around from one border to the other.

    Parameters
    ----------
    image : array-like, shape (height, width)
        A grey-scale image; it is not modified.
    rotation : float, default 0.0
        Angle in degrees, counter-clockwise as displayed by ``plt.imshow`` (the same
        direction as :func:`scipy.ndimage.rotate`).
    scale : float, default 1.0
        Zoom factor about the centre, > 0: 1.2 makes the content 20% larger.
    shift : (float, float), default (0.0, 0.0)
        ``(dx, dy)`` in pixels, applied after rotation and scaling: ``dx > 0`` moves the
        content right, ``dy > 0`` moves it down. Fractions of a pixel are interpolated.
    fill : float, default 0.0
        Value of pixels that come from outside the image.

    Returns
    -------
    numpy.ndarray
        A new float64 array of the same shape.

    Raises
    ------
    ValueError
        If ``image`` is not a non-empty 2-D array, ``scale`` is not positive or ``shift``
        is not two numbers.
    TypeError
        If ``image`` does not hold numbers.

    Examples
    --------
    >>> import numpy as np
    >>> from helpers.augmentation import transform_image
    >>> image = np.zeros((5, 5)); image[0, 2] = 1.0          # a dot at the top
    >>> np.argwhere(transform_image(image, rotation=90) > 0.5).tolist()  # now on the left
    [[2, 0]]
    >>> np.argwhere(transform_image(image, shift=(1, 2)) > 0.5).tolist()  # right 1, down 2
    [[2, 3]]
    >>> transform_image(image, shift=(0, -1)).sum()             # moved off the top: gone
    np.float64(0.0)
    """
    from scipy import ndimage

    array = _as_image(image).astype(np.float64)
    angle = np.deg2rad(check_real(rotation, "rotation"))
    zoom = check_real(scale, "scale", low=0.0, low_inclusive=False)
    try:
        dx, dy = shift
    except (TypeError, ValueError) as error:
        raise ValueError(f"shift must be (dx, dy), got {shift!r}.") from error
    dx, dy = check_real(dx, "shift dx"), check_real(dy, "shift dy")
    fill = check_real(fill, "fill")
    centre = (np.array(array.shape, dtype=float) - 1.0) / 2.0
    # Forward map in (row, col): p_out = centre + zoom * R (p_in - centre) + (dy, dx).
    # affine_transform needs the inverse: p_in = M p_out + offset.
    cos, sin = np.cos(angle), np.sin(angle)
    inverse = np.array([[cos, sin], [-sin, cos]]) / zoom
    offset = centre - inverse @ (centre + np.array([dy, dx]))
    return ndimage.affine_transform(array, inverse, offset=offset, order=1,
                                    mode="constant", cval=fill)


def random_affine(
    images: np.ndarray,
    *,
    seed: int,
    max_rotation: float = 12.0,
    max_shift: float = 0.75,
    scale_range: tuple[float, float] = (0.9, 1.1),
    value_range: tuple[float, float] = (0.0, 16.0),
) -> np.ndarray:
    """Apply a random small rotation, scaling and shift to each image of a stack.

    For each image, independently: an angle uniform on ``[-max_rotation, max_rotation]``
    degrees, a zoom factor uniform on ``scale_range`` and a shift ``(dx, dy)`` with each
    part uniform on ``[-max_shift, max_shift]`` pixels (see :func:`transform_image`).
    Results are clipped to ``value_range``.

    Parameters
    ----------
    images : array-like, shape (n_images, height, width)
        The images; not modified.
    seed : int
        Seed for :func:`numpy.random.default_rng`.
    max_rotation : float, default 12.0
        Largest rotation in degrees, >= 0.
    max_shift : float, default 0.75
        Largest shift along each axis in pixels, >= 0.
    scale_range : (float, float), default (0.9, 1.1)
        Smallest and largest zoom factor, both > 0.
    value_range : (float, float), default (0.0, 16.0)
        Pixel range to clip to (the digits' 0-16 grey levels by default).

    Returns
    -------
    numpy.ndarray
        A new float64 array of the same shape.

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.datasets import load_digits
    >>> from helpers.augmentation import random_affine
    >>> images = load_digits().images[:5]
    >>> moved = random_affine(images, seed=0)
    >>> moved.shape, bool(moved.min() >= 0 and moved.max() <= 16)
    ((5, 8, 8), True)
    >>> np.array_equal(moved, random_affine(images, seed=0))
    True
    """
    stack = _as_stack(images)
    rng = np.random.default_rng(check_seed(seed))
    rotation = check_real(max_rotation, "max_rotation", low=0.0)
    shift = check_real(max_shift, "max_shift", low=0.0)
    try:
        low_scale, high_scale = scale_range
    except (TypeError, ValueError) as error:
        raise ValueError(f"scale_range must be (low, high), got {scale_range!r}.") from error
    low_scale = check_real(low_scale, "scale_range low", low=0.0, low_inclusive=False)
    high_scale = check_real(high_scale, "scale_range high", low=low_scale)
    low, high = _check_range(value_range)
    n = len(stack)
    angles = rng.uniform(-rotation, rotation, n)
    zooms = rng.uniform(low_scale, high_scale, n)
    shifts = rng.uniform(-shift, shift, (n, 2))
    out = np.empty(stack.shape, dtype=np.float64)
    for i in range(n):
        out[i] = transform_image(stack[i], rotation=angles[i], scale=zooms[i],
                                 shift=(shifts[i, 0], shifts[i, 1]))
    return np.clip(out, low, high)


def random_crop(images: np.ndarray, *, crop: int, seed: int) -> np.ndarray:
    """Cut a random window out of each image and stretch it back to the full size.

    The window is ``crop`` pixels smaller than the image in each direction, at a random
    position (each of the ``(crop + 1) ** 2`` positions equally likely); it is resized to
    the image's shape with bilinear interpolation. The content therefore grows and moves
    a little, and whatever lies outside the window is lost.

    Parameters
    ----------
    images : array-like, shape (n_images, height, width)
        The images; not modified.
    crop : int
        Pixels to cut away along each axis, ``0 <= crop < min(height, width) - 1``.
    seed : int
        Seed for :func:`numpy.random.default_rng`.

    Returns
    -------
    numpy.ndarray
        A new float64 array of the same shape.

    Examples
    --------
    >>> import numpy as np
    >>> from helpers.augmentation import random_crop
    >>> images = np.arange(2 * 8 * 8, dtype=float).reshape(2, 8, 8)
    >>> random_crop(images, crop=2, seed=0).shape
    (2, 8, 8)
    >>> np.array_equal(random_crop(images, crop=0, seed=0), images)
    True
    """
    from scipy import ndimage

    stack = _as_stack(images).astype(np.float64)
    height, width = stack.shape[1:]
    cut = check_int(crop, "crop", minimum=0, maximum=min(height, width) - 2)
    rng = np.random.default_rng(check_seed(seed))
    out = np.empty_like(stack)
    # Output pixel (r, c) reads the window at (top + r * step_r, left + c * step_c).
    step = np.array([(height - 1 - cut) / (height - 1), (width - 1 - cut) / (width - 1)])
    corners = rng.integers(0, cut + 1, size=(len(stack), 2))
    for i, (top, left) in enumerate(corners):
        out[i] = ndimage.affine_transform(stack[i], np.diag(step), offset=(top, left),
                                          order=1, mode="nearest")
    return out


def jitter(
    images: np.ndarray,
    *,
    sigma: float,
    seed: int,
    value_range: tuple[float, float] = (0.0, 16.0),
) -> np.ndarray:
    """Add independent Gaussian noise to every pixel, then clip to the valid range.

    Parameters
    ----------
    images : array-like
        Images (or any array of pixel values); not modified.
    sigma : float
        Standard deviation of the noise, in grey levels, >= 0.
    seed : int
        Seed for :func:`numpy.random.default_rng`.
    value_range : (float, float), default (0.0, 16.0)
        Pixel range to clip to.

    Returns
    -------
    numpy.ndarray
        A new float64 array of the same shape.

    Examples
    --------
    >>> import numpy as np
    >>> from helpers.augmentation import jitter
    >>> noisy = jitter(np.full((2, 3, 3), 8.0), sigma=1.0, seed=0)
    >>> noisy.shape, bool(abs(noisy.mean() - 8.0) < 1.0)
    ((2, 3, 3), True)
    >>> np.array_equal(jitter(np.ones(4), sigma=0.0, seed=0), np.ones(4))
    True
    """
    array = np.asarray(images, dtype=np.float64)
    scale = check_real(sigma, "sigma", low=0.0)
    low, high = _check_range(value_range)
    rng = np.random.default_rng(check_seed(seed))
    return np.clip(array + rng.normal(0.0, scale, array.shape), low, high)


def augment(
    images: np.ndarray,
    labels: np.ndarray,
    *,
    copies: int,
    transform: Callable[..., np.ndarray],
    seed: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Return the training set followed by ``copies`` transformed copies of it.

    Copy ``k`` (0-based) is ``transform(images, seed=s_k)``, where the seeds ``s_k`` are
    drawn from ``seed``, so every copy is different and the whole result is reproducible.

    Parameters
    ----------
    images : array-like, shape (n_images, ...)
        The original training images; not modified.
    labels : array-like, shape (n_images,)
        Their labels, repeated for every copy (the transformation must preserve them).
    copies : int
        Number of transformed copies, >= 0.
    transform : callable
        ``transform(images, seed=int)`` returns an array of the same shape, for example
        ``functools.partial(random_affine, max_rotation=10)``.
    seed : int
        Seed for the seeds of the copies.

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        ``(1 + copies) * n_images`` images (float64) and labels; the originals first.

    Examples
    --------
    >>> import numpy as np
    >>> from helpers.augmentation import augment, jitter
    >>> X, y = np.zeros((3, 8, 8)), np.array([0, 1, 2])
    >>> X_big, y_big = augment(X, y, copies=2, seed=0,
    ...                        transform=lambda images, seed: jitter(images, sigma=1, seed=seed))
    >>> X_big.shape, y_big.tolist()
    ((9, 8, 8), [0, 1, 2, 0, 1, 2, 0, 1, 2])
    """
    originals = np.asarray(images, dtype=np.float64)
    targets = np.asarray(labels)
    if targets.ndim != 1 or len(targets) != len(originals):
        raise ValueError(f"labels must be 1-D with one label per image: {len(originals)} "
                         f"images, labels of shape {targets.shape}.")
    n_copies = check_int(copies, "copies", minimum=0)
    if not callable(transform):
        raise TypeError(f"transform must be callable, got {type(transform).__name__}.")
    seeds = np.random.SeedSequence(check_seed(seed)).generate_state(max(n_copies, 1))
    stacks = [originals]
    for k in range(n_copies):
        copy = np.asarray(transform(originals.copy(), seed=int(seeds[k])), dtype=np.float64)
        if copy.shape != originals.shape:
            raise ValueError(f"transform returned shape {copy.shape}; it must keep the "
                             f"shape {originals.shape}.")
        stacks.append(copy)
    return np.concatenate(stacks), np.tile(targets, n_copies + 1)


def add_typos(text: str, *, rate: float, seed: int) -> str:
    """Add keyboard typos to a text, each letter hit independently with probability ``rate``.

    A letter that is hit gets one of four typos, equally likely: it is replaced by a
    neighbouring key (:data:`KEYBOARD_NEIGHBOURS`, keeping upper case), dropped, typed
    twice, or swapped with the character after it. Digits, punctuation and spaces are
    never hit (but a swap can move one).

    Parameters
    ----------
    text : str
        The text; plain ASCII letters are the ones that get typos.
    rate : float
        Chance that a letter is hit, ``0 <= rate <= 1``.
    seed : int
        Seed for :func:`numpy.random.default_rng`.

    Returns
    -------
    str
        The text with typos.

    Examples
    --------
    >>> from helpers.augmentation import add_typos
    >>> add_typos("Please update my address.", rate=0.0, seed=1)
    'Please update my address.'
    >>> add_typos("Please update my address.", rate=0.15, seed=1)
    'Plase upadte my address.'
    >>> add_typos("Please update my address.", rate=0.15, seed=1) == add_typos(
    ...     "Please update my address.", rate=0.15, seed=1)
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}.")
    probability = check_real(rate, "rate", low=0.0, high=1.0)
    rng = np.random.default_rng(check_seed(seed))
    hits = rng.random(len(text)) < probability
    kinds = rng.integers(0, 4, len(text))
    picks = rng.random(len(text))
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        lower = char.lower()
        if not (hits[i] and lower in KEYBOARD_NEIGHBOURS):
            out.append(char)
        elif kinds[i] == 0:  # a neighbouring key
            near = KEYBOARD_NEIGHBOURS[lower]
            typo = near[int(picks[i] * len(near))]
            out.append(typo.upper() if char.isupper() else typo)
        elif kinds[i] == 1:  # dropped
            pass
        elif kinds[i] == 2:  # typed twice
            out.append(char + char)
        elif i + 1 < len(text):  # swapped with the next character
            out.append(text[i + 1] + char)
            i += 1
        else:
            out.append(char)
        i += 1
    return "".join(out)
