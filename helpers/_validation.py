"""Argument checks shared by the helpers, with messages that say what to do.

These functions are private to the package: they turn bad arguments into a
clear ``TypeError`` or ``ValueError`` at the call site instead of a deep
library traceback.
"""

from __future__ import annotations

import math
import numbers

import numpy as np


def check_int(
    value: object,
    name: str,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int:
    """Return ``value`` as an ``int`` after checking its type and range.

    Parameters
    ----------
    value : object
        The argument to check. Python and NumPy integers are accepted; booleans
        and floats (even whole ones such as ``5.0``) are not.
    name : str
        The argument's name, used in the error message.
    minimum, maximum : int or None, default None
        Inclusive bounds; ``None`` means unbounded.

    Returns
    -------
    int
        The checked value.

    Raises
    ------
    TypeError
        If ``value`` is not an integer.
    ValueError
        If ``value`` is out of range.

    Examples
    --------
    >>> check_int(5, "n_rows", minimum=1)
    5
    >>> check_int(0, "n_rows", minimum=1)
    Traceback (most recent call last):
    ...
    ValueError: n_rows must be >= 1, got 0.

    """
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be an integer such as 5, got {value!r} of type "
            f"{type(value).__name__}; convert it with int(...) first."
        )
    number = int(value)
    if minimum is not None and number < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {number}.")
    if maximum is not None and number > maximum:
        raise ValueError(f"{name} must be <= {maximum}, got {number}.")
    return number


def check_seed(seed: object) -> int:
    """Return ``seed`` after checking it is a non-negative integer.

    Parameters
    ----------
    seed : object
        The seed for :func:`numpy.random.default_rng`.

    Returns
    -------
    int
        The checked seed.

    Examples
    --------
    >>> check_seed(42)
    42

    """
    return check_int(seed, "seed", minimum=0)


def check_real(
    value: object,
    name: str,
    *,
    low: float | None = None,
    high: float | None = None,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
) -> float:
    """Return ``value`` as a finite ``float`` after checking its type and range.

    Parameters
    ----------
    value : object
        The argument to check: a Python or NumPy real number (not a boolean).
    name : str
        The argument's name, used in the error message.
    low, high : float or None, default None
        Bounds; ``None`` means unbounded.
    low_inclusive, high_inclusive : bool, default True
        Whether each bound is allowed.

    Returns
    -------
    float
        The checked value.

    Raises
    ------
    TypeError
        If ``value`` is not a real number.
    ValueError
        If ``value`` is not finite or is out of range.

    Examples
    --------
    >>> check_real(0.03, "default_rate", low=0, high=0.5, low_inclusive=False)
    0.03
    >>> check_real(0.0, "default_rate", low=0, high=0.5, low_inclusive=False)
    Traceback (most recent call last):
    ...
    ValueError: default_rate must be > 0 and <= 0.5, got 0.0.

    """
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"{name} must be a real number such as 0.5, got {value!r} of type "
            f"{type(value).__name__}."
        )
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {number}.")
    too_low = low is not None and (number < low if low_inclusive else number <= low)
    too_high = high is not None and (number > high if high_inclusive else number >= high)
    if too_low or too_high:
        parts = []
        if low is not None:
            parts.append(f"{'>=' if low_inclusive else '>'} {low:g}")
        if high is not None:
            parts.append(f"{'<=' if high_inclusive else '<'} {high:g}")
        raise ValueError(f"{name} must be {' and '.join(parts)}, got {number}.")
    return number


def check_text(value: object, name: str) -> str:
    """Return ``value`` after checking it is a non-blank string.

    Parameters
    ----------
    value : object
        The argument to check.
    name : str
        The argument's name, used in the error message.

    Returns
    -------
    str
        The checked value, unchanged.

    Raises
    ------
    TypeError
        If ``value`` is not a string.
    ValueError
        If ``value`` is empty or only whitespace.

    Examples
    --------
    >>> check_text("Loan amount (USD)", "xlabel")
    'Loan amount (USD)'

    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {type(value).__name__}.")
    if not value.strip():
        raise ValueError(
            f"{name} must not be empty: every plot in the course has a title and "
            "labelled axes (include units where they apply)."
        )
    return value
