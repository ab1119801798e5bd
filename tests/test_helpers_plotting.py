"""Tests for helpers.plotting, on the non-interactive Agg backend."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from helpers.plotting import (  # noqa: E402
    annotate_reference,
    assert_labelled,
    bar_compare,
    new_axes,
)


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def test_importing_helpers_does_not_import_matplotlib() -> None:
    code = (
        "import sys\n"
        "import helpers, helpers.data, helpers.evaluation, helpers.plotting\n"
        "import helpers.testing, helpers.timing\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# new_axes ----------------------------------------------------------------------------------------
def test_new_axes_creates_a_labelled_figure() -> None:
    ax = new_axes("Applications per month", "Month", "Applications", figsize=(5, 3))
    assert isinstance(ax, Axes)
    assert ax.get_title() == "Applications per month"
    assert ax.get_xlabel() == "Month"
    assert ax.get_ylabel() == "Applications"
    assert tuple(ax.figure.get_size_inches()) == pytest.approx((5, 3))
    assert_labelled(ax.figure)


def test_new_axes_default_size() -> None:
    ax = new_axes("T", "x", "y")
    assert tuple(ax.figure.get_size_inches()) == pytest.approx((7, 4))


def test_new_axes_labels_existing_axes() -> None:
    fig, (left, right) = plt.subplots(1, 2)
    returned = new_axes("Right", "x (units)", "y (units)", ax=right)
    assert returned is right
    assert right.get_title() == "Right"
    assert left.get_title() == ""
    assert len(plt.get_fignums()) == 1


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "message"),
    [
        (("", "x", "y"), {}, ValueError, "title must not be empty"),
        (("T", "   ", "y"), {}, ValueError, "xlabel must not be empty"),
        (("T", "x", ""), {}, ValueError, "ylabel must not be empty"),
        ((None, "x", "y"), {}, TypeError, "title must be a string"),
        (("T", "x", "y"), {"ax": "axes"}, TypeError, "ax must be a matplotlib Axes"),
        (("T", "x", "y"), {"figsize": (7,)}, ValueError, "figsize must be"),
        (("T", "x", "y"), {"figsize": (7, 0)}, ValueError, "figsize height must be > 0"),
    ],
)
def test_new_axes_bad_input(
    args: tuple[object, ...], kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        new_axes(*args, **kwargs)  # type: ignore[arg-type]
    assert plt.get_fignums() == []  # no stray figure is left behind


# assert_labelled ---------------------------------------------------------------------------------
def test_assert_labelled_names_the_unlabelled_axes() -> None:
    fig, axes = plt.subplots(1, 3)
    new_axes("Income", "Income (USD)", "Applications", ax=axes[0])
    axes[1].set_title("Loan amount")
    axes[1].set_xlabel("Loan amount (USD)")
    with pytest.raises(AssertionError) as caught:
        assert_labelled(fig)
    message = str(caught.value)
    assert "axes 0" not in message
    assert "axes 1 ('Loan amount') is missing ylabel" in message
    assert "axes 2 ('untitled') is missing title, xlabel, ylabel" in message
    with pytest.raises(AssertionError, match="axes 1"):
        assert_labelled(axes)  # an array of axes works too
    with pytest.raises(AssertionError, match="axes 0 \\('Loan amount'\\) is missing ylabel"):
        assert_labelled(axes[1])


def test_assert_labelled_accepts_left_titles_and_skips_colorbars() -> None:
    ax = new_axes("placeholder", "x", "y")
    ax.set_title("")
    ax.set_title("Left title", loc="left")
    image = ax.imshow(np.arange(6).reshape(2, 3))
    ax.figure.colorbar(image, ax=ax)
    assert len(ax.figure.axes) == 2
    assert_labelled(ax.figure)


def test_assert_labelled_switched_off_axes_need_only_a_title() -> None:
    fig, axes = plt.subplots(1, 2)
    for index, ax in enumerate(axes):
        ax.imshow(np.eye(3))
        ax.axis("off")
        ax.set_title(f"Digit {index}")
    assert_labelled(fig)
    axes[1].set_title("")
    with pytest.raises(AssertionError, match="axes 1 .* missing title"):
        assert_labelled(fig)


def test_assert_labelled_rejects_empty_figures_and_wrong_types() -> None:
    with pytest.raises(AssertionError, match="no axes"):
        assert_labelled(plt.figure())
    with pytest.raises(TypeError, match="Figure, an Axes"):
        assert_labelled("figure")  # type: ignore[arg-type]


# bar_compare -------------------------------------------------------------------------------------
def test_bar_compare_draws_grouped_bars_with_a_legend() -> None:
    labels = ["North", "South", "Islands"]
    series = {"population": [0.5, 0.49, 0.01], "sample": [0.52, 0.48, 0.0]}
    ax = bar_compare(labels, series, title="Region shares", xlabel="Region", ylabel="Share")
    assert_labelled(ax)
    heights = [patch.get_height() for patch in ax.patches]
    assert heights == pytest.approx(series["population"] + series["sample"])
    assert [text.get_text() for text in ax.get_xticklabels()] == labels
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["population", "sample"]
    # Bars of one group sit side by side around the group's tick.
    centres = [patch.get_x() + patch.get_width() / 2 for patch in ax.patches]
    assert centres[0] < 0 < centres[3]
    assert [patch.get_width() for patch in ax.patches] == pytest.approx([0.4] * 6)


def test_bar_compare_draws_on_given_axes() -> None:
    fig, ax = plt.subplots()
    returned = bar_compare(["a"], {"only": [3.0]}, title="T", xlabel="x", ylabel="y", ax=ax)
    assert returned is ax
    assert len(ax.patches) == 1


@pytest.mark.parametrize(
    ("labels", "series", "error", "message"),
    [
        (["a", "b"], {"s": [1.0]}, ValueError, "series 's' has 1 value\\(s\\) but there are 2"),
        ([], {"s": []}, ValueError, "labels is empty"),
        (["a"], {}, ValueError, "values_by_series is empty"),
        (["a"], [[1.0]], TypeError, "must be a dict"),
        (["a"], {"s": [float("nan")]}, ValueError, "NaN or infinite"),
        (["a"], {"s": ["high"]}, ValueError, "must contain numbers"),
    ],
)
def test_bar_compare_bad_input(
    labels: list[str], series: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        bar_compare(labels, series, title="T", xlabel="x", ylabel="y")  # type: ignore[arg-type]


def test_bar_compare_requires_labels() -> None:
    with pytest.raises(ValueError, match="title must not be empty"):
        bar_compare(["a"], {"s": [1.0]}, title="", xlabel="x", ylabel="y")


# annotate_reference ------------------------------------------------------------------------------
def test_annotate_reference_draws_a_dashed_labelled_line() -> None:
    ax = new_axes("Estimated default rate", "Sample size", "Default rate")
    ax.plot([100, 1_000], [0.05, 0.031], label="estimate")
    line = annotate_reference(ax, 0.03, "true rate")
    assert line.get_linestyle() == "--"
    assert list(line.get_ydata()) == [0.03, 0.03]
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["estimate", "true rate"]


@pytest.mark.parametrize(
    ("ax_kind", "y", "label", "error", "message"),
    [
        ("axes", float("nan"), "ref", ValueError, "y must be a finite number"),
        ("axes", "0.3", "ref", TypeError, "y must be a real number"),
        ("axes", 0.3, "", ValueError, "label must not be empty"),
        ("figure", 0.3, "ref", TypeError, "ax must be a matplotlib Axes"),
    ],
)
def test_annotate_reference_bad_input(
    ax_kind: str, y: object, label: str, error: type[Exception], message: str
) -> None:
    ax = new_axes("T", "x", "y")
    target = ax if ax_kind == "axes" else ax.figure
    with pytest.raises(error, match=message):
        annotate_reference(target, y, label)  # type: ignore[arg-type]
