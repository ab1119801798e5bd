"""Titled, labelled matplotlib plots, and a check that a plot is labelled.

Every plot in the course has a title and labelled axes. :func:`new_axes` makes
that the easy path, :func:`assert_labelled` checks it in tests and notebooks,
and :func:`bar_compare` and :func:`annotate_reference` cover two common plots.

matplotlib is imported inside the functions, so importing this module is cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from helpers._validation import check_real, check_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

__all__ = ["annotate_reference", "assert_labelled", "bar_compare", "new_axes"]


def _check_axes(ax: object, name: str = "ax") -> Axes:
    """Return ``ax`` after checking it is a matplotlib ``Axes``."""
    from matplotlib.axes import Axes

    if not isinstance(ax, Axes):
        raise TypeError(
            f"{name} must be a matplotlib Axes (e.g. from new_axes or plt.subplots), "
            f"got {type(ax).__name__}."
        )
    return ax


def new_axes(
    title: str,
    xlabel: str,
    ylabel: str,
    *,
    ax: Axes | None = None,
    figsize: tuple[float, float] = (7, 4),
) -> Axes:
    """Return axes with a title and axis labels, on a new figure unless given.

    Parameters
    ----------
    title : str
        The plot's title; must not be blank.
    xlabel, ylabel : str
        The axis labels, with units where they apply; must not be blank.
    ax : matplotlib.axes.Axes or None, default None
        Axes to label. If None, a new figure of size ``figsize`` is created with
        :func:`matplotlib.pyplot.subplots`.
    figsize : tuple of float, default (7, 4)
        Width and height in inches of a new figure; ignored when ``ax`` is given.

    Returns
    -------
    matplotlib.axes.Axes
        The labelled axes; the figure is ``ax.figure``.

    Raises
    ------
    TypeError
        If a label is not a string or ``ax`` is not an ``Axes``.
    ValueError
        If a label is blank or ``figsize`` is not two positive numbers.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from helpers.plotting import new_axes
    >>> ax = new_axes("Loan amounts", "Loan amount (USD)", "Applications")
    >>> ax.get_title(), ax.get_xlabel(), ax.get_ylabel()
    ('Loan amounts', 'Loan amount (USD)', 'Applications')
    >>> plt.close(ax.figure)

    """
    check_text(title, "title")
    check_text(xlabel, "xlabel")
    check_text(ylabel, "ylabel")
    if ax is None:
        size = tuple(figsize) if isinstance(figsize, Sequence) else ()
        if len(size) != 2:
            raise ValueError(f"figsize must be (width, height) in inches, got {figsize!r}.")
        width = check_real(size[0], "figsize width", low=0.0, low_inclusive=False)
        height = check_real(size[1], "figsize height", low=0.0, low_inclusive=False)
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(width, height))
    else:
        ax = _check_axes(ax)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def _collect_axes(fig_or_ax: object) -> list[Axes]:
    """Return the axes to check in a figure, an axes or a collection of axes."""
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

    if isinstance(fig_or_ax, Axes):
        return [fig_or_ax]
    if isinstance(fig_or_ax, Figure | SubFigure):
        return list(fig_or_ax.axes)
    if isinstance(fig_or_ax, np.ndarray | list | tuple):
        axes = list(np.ravel(np.asarray(fig_or_ax, dtype=object)))
        if all(isinstance(ax, Axes) for ax in axes):
            return axes
    raise TypeError(
        "assert_labelled expects a matplotlib Figure, an Axes or an array of Axes, "
        f"got {type(fig_or_ax).__name__}."
    )


def _axes_problems(ax: Axes) -> list[str]:
    """Return what ``ax`` is missing: ``title``, ``xlabel`` and/or ``ylabel``."""
    missing = []
    if not any(ax.get_title(loc=loc).strip() for loc in ("left", "center", "right")):
        missing.append("title")
    if ax.axison:  # axes switched off (e.g. for an image grid) need only a title
        if not ax.get_xlabel().strip():
            missing.append("xlabel")
        if not ax.get_ylabel().strip():
            missing.append("ylabel")
    return missing


def assert_labelled(fig_or_ax: Figure | Axes | Iterable[Axes]) -> None:
    """Check that every visible axes has a title and x and y labels.

    Colorbar axes and invisible axes are skipped; axes whose axis is switched
    off (``ax.axis("off")``) need only a title.

    Parameters
    ----------
    fig_or_ax : Figure, Axes or array of Axes
        What to check, for example ``plt.gcf()`` or the axes array returned by
        :func:`matplotlib.pyplot.subplots`.

    Raises
    ------
    AssertionError
        If a figure has no axes, or naming each axes (by position and title)
        that misses a title or an axis label.
    TypeError
        If ``fig_or_ax`` is not a figure or axes.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from helpers.plotting import assert_labelled, new_axes
    >>> ax = new_axes("Defaults by month", "Month", "Default rate")
    >>> assert_labelled(ax.figure)
    >>> _ = ax.set_ylabel("")
    >>> assert_labelled(ax)
    Traceback (most recent call last):
    ...
    AssertionError: Plot is not fully labelled: axes 0 ('Defaults by month') is missing ylabel.
    >>> plt.close(ax.figure)

    """
    axes = _collect_axes(fig_or_ax)
    if not axes:
        raise AssertionError("The figure has no axes: plot something before checking labels.")
    problems = []
    for position, ax in enumerate(axes):
        if not ax.get_visible() or getattr(ax, "_colorbar", None) is not None:
            continue
        missing = _axes_problems(ax)
        if missing:
            name = ax.get_title().strip() or ax.get_label().strip() or "untitled"
            problems.append(f"axes {position} ({name!r}) is missing {', '.join(missing)}")
    if problems:
        raise AssertionError("Plot is not fully labelled: " + "; ".join(problems) + ".")


def bar_compare(
    labels: Sequence[str],
    values_by_series: dict[str, Sequence[float]],
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    ax: Axes | None = None,
) -> Axes:
    """Draw a grouped bar chart comparing several series over the same groups.

    Parameters
    ----------
    labels : sequence of str
        Group names along the x axis.
    values_by_series : dict of str to sequence of float
        Series name (shown in the legend) -> one value per group, in the order
        of ``labels``.
    title, xlabel, ylabel : str
        Title and axis labels; must not be blank.
    ax : matplotlib.axes.Axes or None, default None
        Axes to draw on; a new figure is created if None.

    Returns
    -------
    matplotlib.axes.Axes
        The axes with the bars and a legend.

    Raises
    ------
    TypeError
        If ``values_by_series`` is not a dict or a label is not a string.
    ValueError
        If there are no groups or series, a series has the wrong number of
        values, or a value is not a finite number.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from helpers.plotting import bar_compare
    >>> ax = bar_compare(
    ...     ["North", "Islands"],
    ...     {"population": [0.30, 0.01], "sample": [0.31, 0.0]},
    ...     title="Region shares",
    ...     xlabel="Region",
    ...     ylabel="Share of applications",
    ... )
    >>> len(ax.patches), [text.get_text() for text in ax.get_legend().get_texts()]
    (4, ['population', 'sample'])
    >>> plt.close(ax.figure)

    """
    groups = [str(label) for label in labels]
    if not groups:
        raise ValueError("labels is empty; pass one label per group of bars.")
    if not isinstance(values_by_series, dict):
        raise TypeError(
            "values_by_series must be a dict mapping series name -> values, "
            f"got {type(values_by_series).__name__}."
        )
    if not values_by_series:
        raise ValueError("values_by_series is empty; pass at least one series.")
    series = {}
    for name, values in values_by_series.items():
        try:
            array = np.asarray(values, dtype=float)
        except (TypeError, ValueError) as error:
            raise ValueError(f"series {name!r} must contain numbers.") from error
        if array.shape != (len(groups),):
            raise ValueError(
                f"series {name!r} has {array.size} value(s) but there are {len(groups)} "
                "labels; pass one value per label."
            )
        if not np.all(np.isfinite(array)):
            raise ValueError(f"series {name!r} contains NaN or infinite values.")
        series[str(name)] = array

    ax = new_axes(title, xlabel, ylabel, ax=ax)
    positions = np.arange(len(groups))
    width = 0.8 / len(series)
    for index, (name, array) in enumerate(series.items()):
        offset = (index - (len(series) - 1) / 2) * width
        ax.bar(positions + offset, array, width=width, label=name)
    ax.set_xticks(positions, groups)
    ax.legend()
    return ax


def annotate_reference(ax: Axes, y: float, label: str) -> Line2D:
    """Draw a dashed horizontal reference line at ``y`` and add it to the legend.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes to draw on.
    y : float
        Height of the line, in data units.
    label : str
        Legend text, e.g. ``"true default rate"``; must not be blank.

    Returns
    -------
    matplotlib.lines.Line2D
        The reference line.

    Raises
    ------
    TypeError
        If ``ax`` is not an ``Axes`` or ``y`` is not a number.
    ValueError
        If ``y`` is not finite or ``label`` is blank.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from helpers.plotting import annotate_reference, new_axes
    >>> ax = new_axes("Estimated default rate", "Sample", "Default rate")
    >>> line = annotate_reference(ax, 0.03, "true rate")
    >>> line.get_linestyle(), line.get_label()
    ('--', 'true rate')
    >>> plt.close(ax.figure)

    """
    ax = _check_axes(ax)
    level = check_real(y, "y")
    check_text(label, "label")
    line = ax.axhline(level, linestyle="--", color="0.35", linewidth=1.2, label=label)
    ax.legend()
    return line
