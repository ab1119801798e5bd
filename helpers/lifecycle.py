"""The ML lifecycle week in code: the loans model, a model card and the course map.

Week 01 walks once around the machine-learning loop on RiskNet's loans table. The
plumbing that is not the lesson's point lives here, so that the notebook shows the
ideas and not the boilerplate:

:data:`NUMERIC_FEATURES`, :data:`CATEGORICAL_FEATURES`, :data:`EXCLUDED_COLUMNS`
    Which columns of :func:`helpers.data.make_loans` the model may use, and why the
    others are left out.
:func:`loan_pipeline`
    The preprocessing and logistic-regression pipeline, built from a few plain
    hyperparameters (so that a run can be rebuilt from what a tracker recorded).
:func:`render_model_card`
    A short model card as Markdown, from text and small tables.
:data:`COURSE_WEEKS`, :data:`LIFECYCLE_STAGES`, :func:`plot_lifecycle`
    The course's weeks and the stage of the loop each one covers, and a figure of
    the loop.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from helpers._validation import check_int, check_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from sklearn.pipeline import Pipeline

__all__ = [
    "CATEGORICAL_FEATURES",
    "COURSE_WEEKS",
    "EXCLUDED_COLUMNS",
    "IMPUTER_STRATEGIES",
    "LIFECYCLE_STAGES",
    "NUMERIC_FEATURES",
    "TARGET",
    "CourseWeek",
    "LifecycleStage",
    "loan_pipeline",
    "plot_lifecycle",
    "render_model_card",
]

TARGET = "defaulted"
"""The label: 1 if the loan was charged off, 0 if it was repaid."""

NUMERIC_FEATURES: tuple[str, ...] = (
    "age",
    "annual_income",
    "employment_years",
    "loan_amount",
    "term_months",
    "credit_score",
    "debt_to_income",
    "open_accounts",
    "past_delinquencies",
)
"""Numeric columns known when an application arrives (two have missing values)."""

CATEGORICAL_FEATURES: tuple[str, ...] = ("home_ownership", "purpose", "region")
"""Categorical columns known when an application arrives."""

EXCLUDED_COLUMNS: dict[str, str] = {
    "application_id": "an identifier: it numbers the rows and says nothing about risk",
    "application_date": "used to split by time; as a feature it would only let the model "
                        "extrapolate a trend beyond the dates it has seen",
    "recovery_amount": "recorded after the outcome (only defaulted loans have recoveries): "
                       "a leak that is not available when the decision is made",
    TARGET: "the label",
}
"""Columns of the loans table that are not features, with the reason."""

IMPUTER_STRATEGIES: tuple[str, ...] = ("mean", "median", "most_frequent")
"""The imputation strategies :func:`loan_pipeline` accepts for numeric columns."""


def loan_pipeline(
    *,
    C: float = 1.0,
    imputer_strategy: str = "median",
    class_weight: str | None = None,
    max_iter: int = 1_000,
) -> Pipeline:
    """Build RiskNet's default-risk model: preprocessing and a logistic regression.

    The pipeline takes the loans table (a DataFrame with at least the columns of
    :data:`NUMERIC_FEATURES` and :data:`CATEGORICAL_FEATURES`; other columns are
    ignored) and learns every preprocessing statistic from the rows it is fitted on,
    so it can be cross-validated without leaking the validation rows into the
    training folds.

    Steps, with the names a hyperparameter search uses (``model__C``,
    ``prep__num__impute__strategy``):

    - ``prep``: a :class:`~sklearn.compose.ColumnTransformer` with
      ``num`` = :class:`~sklearn.impute.SimpleImputer` (``impute``) then
      :class:`~sklearn.preprocessing.StandardScaler` (``scale``) on the numeric
      columns, and ``cat`` = :class:`~sklearn.preprocessing.OneHotEncoder` that
      ignores categories it did not see during fitting;
    - ``model``: :class:`~sklearn.linear_model.LogisticRegression` (lbfgs solver,
      deterministic: no random seed is involved).

    Parameters
    ----------
    C : float, default 1.0
        Inverse regularisation strength, a positive finite number.
    imputer_strategy : str, default "median"
        How missing numeric values are filled: one of :data:`IMPUTER_STRATEGIES`.
    class_weight : None or "balanced", default None
        Passed to the logistic regression.
    max_iter : int, default 1_000
        Most solver iterations, at least 1.

    Returns
    -------
    sklearn.pipeline.Pipeline
        An unfitted pipeline with steps ``prep`` and ``model``.

    Raises
    ------
    TypeError
        If an argument has the wrong type (``C="0.1"``: a string from a tracker
        must be converted first).
    ValueError
        If an argument is out of range or not one of the allowed values.

    Examples
    --------
    >>> from helpers.data import make_loans
    >>> from helpers.lifecycle import loan_pipeline
    >>> loans = make_loans(800, seed=3)
    >>> model = loan_pipeline(C=0.5).fit(loans, loans["defaulted"])
    >>> model.predict_proba(loans.head(2)).shape
    (2, 2)
    >>> list(model.named_steps)
    ['prep', 'model']
    >>> loan_pipeline(C="0.5")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: C must be a positive number such as 0.1, got '0.5' of type str; ...

    """
    if isinstance(C, bool | np.bool_) or not isinstance(C, numbers.Real):
        raise TypeError(
            f"C must be a positive number such as 0.1, got {C!r} of type {type(C).__name__}; "
            "a value read back from a tracker is a string: convert it first."
        )
    if not math.isfinite(float(C)) or float(C) <= 0:
        raise ValueError(f"C must be a positive finite number, got {C!r}.")
    if imputer_strategy not in IMPUTER_STRATEGIES:
        raise ValueError(
            f"imputer_strategy must be one of {list(IMPUTER_STRATEGIES)}, got {imputer_strategy!r}."
        )
    if class_weight not in (None, "balanced"):
        raise ValueError(f"class_weight must be None or 'balanced', got {class_weight!r}.")
    max_iter = check_int(max_iter, "max_iter", minimum=1)

    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    numeric = Pipeline([("impute", SimpleImputer(strategy=imputer_strategy)),
                        ("scale", StandardScaler())])
    prep = ColumnTransformer([
        ("num", numeric, list(NUMERIC_FEATURES)),
        ("cat", OneHotEncoder(handle_unknown="ignore"), list(CATEGORICAL_FEATURES)),
    ])
    model = LogisticRegression(C=float(C), class_weight=class_weight, max_iter=max_iter)
    return Pipeline([("prep", prep), ("model", model)])


# ----------------------------------------------------------------------------- model card
def _section_markdown(content: object, name: str) -> str:
    from helpers.reporting import markdown_table

    if isinstance(content, str):
        return content.strip()
    if isinstance(content, pd.DataFrame | pd.Series | Mapping):
        return markdown_table(content)
    if isinstance(content, list | tuple):
        return "\n".join(f"- {item}" for item in content)
    raise TypeError(
        f"section {name!r} must be text, a list of bullet points, a DataFrame, a Series "
        f"or a mapping, got {type(content).__name__}."
    )


def render_model_card(title: str, sections: Mapping[str, Any]) -> str:
    """Render a model card as Markdown.

    A model card (Mitchell et al., 2019) is a short document shipped with a model:
    what it is for, what data it saw, how well it does (overall and for the groups
    that matter) and where it should not be used.

    Parameters
    ----------
    title : str
        The card's title, e.g. the model's name and version.
    sections : mapping of str to content
        Section heading -> content, in order. Content is text (kept as is), a list
        or tuple of bullet points, or a small table (DataFrame, Series or mapping,
        rendered with :func:`helpers.reporting.markdown_table`).

    Returns
    -------
    str
        The card, starting with ``# title``; each section is a ``## heading``.

    Raises
    ------
    TypeError
        If ``sections`` is not a mapping or a section's content has another type.
    ValueError
        If ``title`` or a heading is blank, or ``sections`` is empty.

    Examples
    --------
    >>> from helpers.lifecycle import render_model_card
    >>> card = render_model_card("Default risk v1", {
    ...     "Intended use": "Rank loan applications for manual review.",
    ...     "Limitations": ["Few applications from the Islands region."],
    ...     "Test metrics": {"ROC AUC": 0.81},
    ... })
    >>> print(card)
    # Default risk v1
    <BLANKLINE>
    ## Intended use
    <BLANKLINE>
    Rank loan applications for manual review.
    <BLANKLINE>
    ## Limitations
    <BLANKLINE>
    - Few applications from the Islands region.
    <BLANKLINE>
    ## Test metrics
    <BLANKLINE>
    | name | value |
    |---|---|
    | ROC AUC | 0.81 |

    """
    check_text(title, "title")
    if not isinstance(sections, Mapping):
        raise TypeError(
            f"sections must be a mapping of heading -> content, got {type(sections).__name__}."
        )
    if not sections:
        raise ValueError("sections is empty; a model card needs at least one section.")
    parts = [f"# {title.strip()}"]
    for heading, content in sections.items():
        check_text(heading, "section heading")
        parts.append(f"## {heading.strip()}")
        parts.append(_section_markdown(content, heading))
    return "\n\n".join(parts)


# ----------------------------------------------------------------------------- course map
@dataclass(frozen=True)
class CourseWeek:
    """One notebook of the course: its id, week number and topic."""

    notebook_id: str
    week: str
    topic: str

    @property
    def link(self) -> str:
        """The notebook's path relative to another week's folder."""
        return f"../{self.notebook_id}/{self.notebook_id}.ipynb"


@dataclass(frozen=True)
class LifecycleStage:
    """One stage of the ML loop and the notebooks that teach it."""

    name: str
    notebooks: tuple[str, ...]


COURSE_WEEKS: tuple[CourseWeek, ...] = (
    CourseWeek("01-lifecycle", "01", "The ML lifecycle, reproducibility and tracking"),
    CourseWeek("02-sampling", "02", "Sampling"),
    CourseWeek("03a-labeling", "03", "Labeling"),
    CourseWeek("03b-imbalance", "03", "Class imbalance"),
    CourseWeek("04-features", "04", "Feature engineering and data augmentation"),
    CourseWeek("05a-scalable", "05-06", "Optimization: scalable pipelines"),
    CourseWeek("05b-packaging", "05-06", "Modularization: packaging code"),
    CourseWeek("07-deployment", "07",
               "Deployment: serving, batch/online/streaming, cloud vs edge"),
    CourseWeek("08-compression", "08", "Model compression"),
    CourseWeek("09-infrastructure", "09", "Infrastructure and monitoring"),
)
"""The course's notebooks in syllabus order."""

LIFECYCLE_STAGES: tuple[LifecycleStage, ...] = (
    LifecycleStage("Frame the problem\nand the metric", ("01-lifecycle",)),
    LifecycleStage("Collect and\nsample data", ("02-sampling",)),
    LifecycleStage("Label and\nbalance classes", ("03a-labeling", "03b-imbalance")),
    LifecycleStage("Prepare data,\nengineer features", ("01-lifecycle", "04-features")),
    LifecycleStage("Train, validate\nand tune", ("01-lifecycle", "05a-scalable")),
    LifecycleStage("Evaluate once\non the test set", ("01-lifecycle",)),
    LifecycleStage("Package and\ncompress", ("01-lifecycle", "05b-packaging", "08-compression")),
    LifecycleStage("Deploy and serve", ("07-deployment",)),
    LifecycleStage("Monitor and\nmaintain", ("09-infrastructure",)),
)
"""The stages of the loop, in order; after the last one the loop starts again."""

ACROSS_THE_LOOP: LifecycleStage = LifecycleStage(
    "Reproducibility and tracking", ("01-lifecycle", "05b-packaging", "09-infrastructure"))
"""What runs through every stage rather than being one of them."""


def _week_numbers(notebooks: tuple[str, ...]) -> str:
    weeks = {week.notebook_id: week.week for week in COURSE_WEEKS}
    numbers = list(dict.fromkeys(weeks[notebook] for notebook in notebooks))
    return ("Week " if len(numbers) == 1 else "Weeks ") + ", ".join(numbers)


def plot_lifecycle(*, ax: Axes | None = None, highlight: str | None = "01-lifecycle") -> Axes:
    """Draw the ML loop as a ring of stages, each labelled with its course weeks.

    Parameters
    ----------
    ax : matplotlib.axes.Axes or None, default None
        Axes to draw on; a new 9 x 6.5 inch figure is created if None.
    highlight : str or None, default "01-lifecycle"
        A notebook id whose stages are filled in colour, or None for none.

    Returns
    -------
    matplotlib.axes.Axes
        The axes, with a title and the axis switched off.

    Raises
    ------
    ValueError
        If ``highlight`` is not the id of a notebook in :data:`COURSE_WEEKS`.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from helpers.lifecycle import LIFECYCLE_STAGES, plot_lifecycle
    >>> ax = plot_lifecycle()
    >>> boxes = [text for text in ax.texts if "Week" in text.get_text()]
    >>> len(boxes) == len(LIFECYCLE_STAGES) + 1  # the stages and the centre
    True
    >>> plt.close(ax.figure)

    """
    known = {week.notebook_id for week in COURSE_WEEKS}
    if highlight is not None and highlight not in known:
        raise ValueError(f"highlight must be one of {sorted(known)} or None, got {highlight!r}.")
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(9, 6.5))
    n = len(LIFECYCLE_STAGES)
    angles = np.pi / 2 - 2 * np.pi * np.arange(n) / n  # clockwise from the top
    xs, ys = 1.55 * np.cos(angles), np.sin(angles)
    boxes = []
    for x, y, stage in zip(xs, ys, LIFECYCLE_STAGES, strict=True):
        lit = highlight in stage.notebooks
        boxes.append(ax.text(
            x, y, f"{stage.name}\n{_week_numbers(stage.notebooks)}", ha="center",
            va="center", fontsize=9,
            bbox={"boxstyle": "round,pad=0.45", "linewidth": 1.2,
                  "facecolor": "#cfe3f7" if lit else "white", "edgecolor": "#1f4e79"}))
    for i in range(n):
        j = (i + 1) % n
        # patchA/patchB clip each arrow at the edges of the two boxes, so no arrow crosses
        # a box's text whatever the box's size.
        ax.annotate("", xy=(xs[j], ys[j]), xytext=(xs[i], ys[i]),
                    arrowprops={"arrowstyle": "-|>", "color": "0.35", "shrinkA": 3,
                                "shrinkB": 3, "patchA": boxes[i].get_bbox_patch(),
                                "patchB": boxes[j].get_bbox_patch(),
                                "connectionstyle": "arc3,rad=-0.18"})
    ax.text(0, 0, f"{ACROSS_THE_LOOP.name}\nat every stage:\n"
            f"{_week_numbers(ACROSS_THE_LOOP.notebooks)}", ha="center", va="center",
            fontsize=10, style="italic",
            bbox={"boxstyle": "round,pad=0.6", "facecolor": "#fff4d6", "edgecolor": "#b8860b"})
    if highlight is not None:
        ax.text(-2.15, -1.3, f"Filled boxes: the stages notebook {highlight} works through",
                ha="left", va="bottom", fontsize=8, color="0.3")
    ax.set_xlim(-2.2, 2.2)
    ax.set_ylim(-1.35, 1.35)
    ax.axis("off")
    ax.set_title("The ML lifecycle: where each week of the course sits in the loop")
    return ax
