"""Simulated labels for the labeling week: late natural labels, notes, annotators, batches.

Every generator here is offline and deterministic for a given ``seed``, and returns the
truth it injected (the true labels, which labels were flipped, the annotators'
accuracies), so that a notebook or a test can measure a method against it:

:func:`default_recorded_dates`
    When each default of RiskNet's loans table (:func:`helpers.data.make_loans`) is
    *recorded*: a natural label that arrives months after the application.
:func:`make_loan_notes`
    A short free-text note per application, written from its ``purpose``: the raw
    material that annotators (and labeling functions) turn into purpose labels.
:func:`simulate_annotators`
    Several annotators with known, different accuracies and biases labeling the same
    items.
:func:`annotate_in_batches`
    A training set merged from annotation batches with a ``source`` column (data
    lineage), each batch labeled with its own accuracy.
:func:`vote_counts`
    The items-by-categories count table that Fleiss' kappa reads, from a votes matrix.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from helpers._validation import check_int, check_real, check_seed
from helpers.data import PURPOSE_CATEGORIES

__all__ = [
    "ABSTAIN",
    "Annotations",
    "annotate_in_batches",
    "default_recorded_dates",
    "make_loan_notes",
    "simulate_annotators",
    "vote_counts",
]

#: The label of "no vote": an annotator who skipped an item, a labeling function that abstains.
ABSTAIN = -1

_DAYS_PER_MONTH = 365.25 / 12


# ----------------------------------------------------------------------------- arguments
def _as_label_array(labels: object, name: str, *, n_classes: int | None = None) -> np.ndarray:
    """Return ``labels`` as a 1-D int64 array of class codes, checking their range."""
    if isinstance(labels, pd.DataFrame):
        raise TypeError(f"{name} must be one-dimensional; pass a single column.")
    array = np.asarray(labels.to_numpy() if isinstance(labels, pd.Series) else labels)
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {array.shape}.")
    if array.size == 0:
        raise ValueError(f"{name} is empty; pass at least one label.")
    whole_floats = (array.dtype.kind == "f" and bool(np.all(np.isfinite(array)))
                    and bool(np.all(array == np.round(array))))
    if array.dtype.kind not in "iu" and not whole_floats:
        raise TypeError(
            f"{name} must hold integer class codes 0, 1, ..., got dtype {array.dtype}; "
            "convert category names with pd.Categorical(...).codes first."
        )
    array = array.astype(np.int64)
    if array.min() < 0:
        raise ValueError(f"{name} must hold class codes >= 0, got {int(array.min())}.")
    if n_classes is not None and array.max() >= n_classes:
        raise ValueError(
            f"{name} holds the code {int(array.max())}, but n_classes={n_classes} allows "
            f"only 0..{n_classes - 1}."
        )
    return array


def _check_accuracy(value: object, name: str, n_classes: int) -> float | tuple[float, ...]:
    """An accuracy in [0, 1], or one such accuracy per true class."""
    if isinstance(value, Sequence | np.ndarray) and not isinstance(value, str):
        if len(value) != n_classes:
            raise ValueError(
                f"{name} must be a float or one accuracy per class ({n_classes}), "
                f"got {len(value)} values."
            )
        return tuple(check_real(v, f"{name}[{c}]", low=0.0, high=1.0)
                     for c, v in enumerate(value))
    return check_real(value, name, low=0.0, high=1.0)


def _check_favourite(value: object, name: str, n_classes: int) -> int | None:
    """A class code in range, or None."""
    if value is None:
        return None
    return check_int(value, name, minimum=0, maximum=n_classes - 1)


def _wrong_labels(
    rng: np.random.Generator, truth: np.ndarray, n_classes: int, favourite: int | None
) -> np.ndarray:
    """A wrong label for each item: the favourite class when it is wrong, else uniform."""
    offsets = rng.integers(1, n_classes, size=truth.size)  # uniform over the other classes
    wrong = (truth + offsets) % n_classes
    if favourite is not None:
        wrong = np.where(truth != favourite, favourite, wrong)
    return wrong


# ----------------------------------------------------------------------------- natural labels
def default_recorded_dates(loans: pd.DataFrame, *, seed: int = 0) -> pd.Series:
    """Return the date each default is recorded: a natural label that arrives late.

    A loan's label, defaulted or repaid, is not known when the application arrives. A
    default is recorded when the lender charges the loan off, months after the
    borrower first misses a payment. Until then the loan looks like a good one.

    Parameters
    ----------
    loans : pandas.DataFrame
        RiskNet's loans table (:func:`helpers.data.make_loans`), or any table with the
        columns ``application_date`` (datetime64), ``term_months`` (int) and
        ``defaulted`` (0 or 1).
    seed : int, default 0
        Seed for :func:`numpy.random.default_rng`; a non-negative integer.

    Returns
    -------
    pandas.Series
        ``default_recorded`` (datetime64[ns]), aligned with ``loans.index``: the day the
        default is recorded for defaulted loans, ``NaT`` for loans that were repaid.

    Raises
    ------
    TypeError
        If ``loans`` is not a DataFrame.
    ValueError
        If a column is missing or holds values out of range.

    Notes
    -----
    For a defaulted loan, in months after the application date:

    - the first missed payment comes after ``1 + Gamma(2, scale=5)`` months (mean 11),
      capped at ``term_months - 1``;
    - the loan is charged off, and the default recorded, 4 to 6 months later
      (``4 + Uniform(0, 2)``: 120 days past due, plus the collections process).

    So a default is recorded about 15 months after the application on average, and
    rarely less than 6 months after it. Defaulted rows draw their delays in row order,
    so the result depends only on ``seed`` and the table.

    Examples
    --------
    >>> from helpers.data import make_loans
    >>> loans = make_loans(2_000, seed=3)
    >>> recorded = default_recorded_dates(loans, seed=3)
    >>> recorded.notna().sum() == loans["defaulted"].sum()
    np.True_
    >>> delay = (recorded - loans["application_date"]).dt.days / 30.44
    >>> bool(delay.min() > 5), bool(delay.median() > 10)
    (True, True)

    """
    if not isinstance(loans, pd.DataFrame):
        raise TypeError(f"loans must be a pandas DataFrame, got {type(loans).__name__}.")
    missing = [c for c in ("application_date", "term_months", "defaulted") if c not in loans]
    if missing:
        raise ValueError(f"loans lacks the column(s) {missing}; pass make_loans(...)'s table.")
    seed = check_seed(seed)
    if not pd.api.types.is_datetime64_any_dtype(loans["application_date"]):
        raise ValueError("loans['application_date'] must be a datetime64 column.")
    defaulted = loans["defaulted"].to_numpy()
    if not np.isin(defaulted, [0, 1]).all():
        raise ValueError("loans['defaulted'] must hold only 0 and 1.")
    term = loans["term_months"].to_numpy(dtype=float)
    if np.isnan(term).any() or (term < 2).any():
        raise ValueError("loans['term_months'] must be at least 2 months for every row.")

    rng = np.random.default_rng(seed)
    rows = np.flatnonzero(defaulted == 1)
    first_missed = np.minimum(1.0 + rng.gamma(2.0, 5.0, rows.size), term[rows] - 1.0)
    charge_off = 4.0 + 2.0 * rng.random(rows.size)
    days = np.rint((first_missed + charge_off) * _DAYS_PER_MONTH).astype(np.int64)

    recorded = pd.Series(pd.NaT, index=loans.index, dtype="datetime64[ns]",
                         name="default_recorded")
    applied = loans["application_date"].to_numpy(dtype="datetime64[ns]")[rows]
    recorded.iloc[rows] = (applied.astype("datetime64[D]")
                           + days.astype("timedelta64[D]")).astype("datetime64[ns]")
    return recorded


# ----------------------------------------------------------------------------- notes
_OPENERS = ("", "need a loan to ", "looking to ", "want to ", "funds to ",
            "requesting money to ", "hoping to ", "loan to ")
_CLOSERS = ("", "", ". thanks", ". will repay on time", ". stable job", ". urgent",
            ". please approve", ". thank you")
_VAGUE = ("cover some personal expenses", "get extra cash this month", "handle family matters",
          "pay for general expenses", "get some breathing room", "cover a few things",
          "sort out my finances", "help with moving costs")
#: Phrases a note uses for each purpose, in the order of PURPOSE_CATEGORIES. Some words are
#: shared on purpose ("pay off", "card", "truck", "bills"), as in real notes.
_PHRASES: dict[str, tuple[str, ...]] = {
    "debt_consolidation": (
        "consolidate my debts", "combine three loans into one payment", "pay off several loans",
        "consolidate a personal loan and store cards", "get one lower payment for my debts",
        "refinance my existing loans", "merge my debts into one loan"),
    "credit_card": (
        "pay off my credit card", "clear a high interest card balance", "pay down my visa",
        "get rid of credit card debt", "move my card balance to a lower rate",
        "pay off my mastercard", "clear my card debt"),
    "home_improvement": (
        "redo the kitchen", "replace the roof", "remodel the bathroom", "renovate the house",
        "fix up the basement", "put in new windows", "build a deck behind the house"),
    "car": (
        "buy a used car", "replace my old car", "buy a truck", "pay for auto repairs",
        "get a reliable vehicle", "buy my first car", "fix my car"),
    "medical": (
        "cover medical bills", "pay for surgery", "cover dental work", "pay hospital bills",
        "pay for my treatment", "cover doctor bills", "pay for physical therapy"),
    "small_business": (
        "expand my business", "buy equipment for my shop", "stock inventory for my store",
        "open a small restaurant", "cover startup costs for my business",
        "buy a food truck for my business", "hire staff for my bakery"),
}


def make_loan_notes(
    purposes: Sequence[str] | pd.Series,
    *,
    seed: int = 0,
    vague_share: float = 0.1,
    mixed_share: float = 0.15,
) -> pd.DataFrame:
    """Write a short free-text note for each loan application, from its purpose.

    The notes stand in for what an applicant types in the form's "What is the loan
    for?" box. A hand-labeling task turns them back into purpose labels.

    Parameters
    ----------
    purposes : sequence of str or pandas.Series
        The true purpose of each application, one of
        :data:`helpers.data.PURPOSE_CATEGORIES` (e.g. ``loans["purpose"]``).
    seed : int, default 0
        Seed for :func:`numpy.random.default_rng`; a non-negative integer.
    vague_share : float, default 0.1
        Share of notes, ``0 <= vague_share <= 1``, that name no purpose at all ("cover
        some personal expenses"): nobody can read the purpose from them.
    mixed_share : float, default 0.15
        Share of the other notes, ``0 <= mixed_share <= 1``, that also mention a second,
        different purpose, in random order ("buy a used car and pay off my credit
        card"): a reader can only guess which one is the loan's.

    Returns
    -------
    pandas.DataFrame
        One row per application, with the index of ``purposes`` if it is a Series (else a
        ``RangeIndex``), and the columns

        - ``note`` (str): the text;
        - ``kind`` (str): the injected truth about the text, ``"clear"`` (names the
          purpose), ``"vague"`` (names none) or ``"two purposes"`` (names the purpose and
          another one).

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If a purpose is unknown or a share is out of range.

    Examples
    --------
    >>> written = make_loan_notes(["car", "medical", "credit_card"], seed=1)
    >>> written.shape, list(written.columns)
    ((3, 2), ['note', 'kind'])
    >>> make_loan_notes(["car"] * 5, seed=2).equals(make_loan_notes(["car"] * 5, seed=2))
    True
    >>> kinds = make_loan_notes(["small_business"] * 2_000, seed=3)["kind"]
    >>> kinds.value_counts(normalize=True).round(2).to_dict()  # expected 0.765, 0.135, 0.1
    {'clear': 0.75, 'two purposes': 0.14, 'vague': 0.11}

    """
    index = purposes.index if isinstance(purposes, pd.Series) else None
    if isinstance(purposes, str) or not isinstance(purposes, Sequence | pd.Series | np.ndarray):
        raise TypeError("purposes must be a sequence of purpose names, e.g. loans['purpose'].")
    names = pd.Series(purposes).astype(str).to_numpy()
    unknown = sorted(set(names) - set(PURPOSE_CATEGORIES))
    if unknown:
        raise ValueError(f"unknown purpose(s) {unknown[:3]}; use {list(PURPOSE_CATEGORIES)}.")
    seed = check_seed(seed)
    vague_share = check_real(vague_share, "vague_share", low=0.0, high=1.0)
    mixed_share = check_real(mixed_share, "mixed_share", low=0.0, high=1.0)

    rng = np.random.default_rng(seed)
    n = names.size
    codes = np.array([PURPOSE_CATEGORIES.index(name) for name in names], dtype=np.int64)
    vague = rng.random(n) < vague_share
    mixed = (rng.random(n) < mixed_share) & ~vague
    other = (codes + rng.integers(1, len(PURPOSE_CATEGORIES), n)) % len(PURPOSE_CATEGORIES)
    first_is_own = rng.random(n) < 0.5
    phrase_pick = rng.integers(0, 1 << 30, (n, 2))
    opener = rng.integers(0, len(_OPENERS), n)
    closer = rng.integers(0, len(_CLOSERS), n)

    notes = []
    for i in range(n):
        if vague[i]:
            body = _VAGUE[phrase_pick[i, 0] % len(_VAGUE)]
        else:
            own = _PHRASES[names[i]]
            body = own[phrase_pick[i, 0] % len(own)]
            if mixed[i]:
                second = _PHRASES[PURPOSE_CATEGORIES[other[i]]]
                extra = second[phrase_pick[i, 1] % len(second)]
                body = f"{body} and {extra}" if first_is_own[i] else f"{extra} and {body}"
        notes.append(f"{_OPENERS[opener[i]]}{body}{_CLOSERS[closer[i]]}")
    kind = np.where(vague, "vague", np.where(mixed, "two purposes", "clear"))
    return pd.DataFrame({"note": notes, "kind": kind}, index=index)


# ----------------------------------------------------------------------------- annotators
@dataclass(frozen=True)
class Annotations:
    """Labels from simulated annotators, with the truth they were drawn from.

    Attributes
    ----------
    labels : numpy.ndarray
        ``(n_items, n_annotators)`` int64 class codes: column ``j`` holds annotator
        ``j``'s label for every item.
    true_labels : numpy.ndarray
        ``(n_items,)`` int64 true class codes.
    correct : numpy.ndarray
        ``(n_items, n_annotators)`` bool: whether each label equals the truth.
    accuracies : tuple of (float or tuple of float)
        The accuracy each annotator was simulated with (its chance of a correct label),
        or its accuracy on each true class.
    favourites : tuple of (int or None)
        Each annotator's bias: the class it gives whenever it is wrong (None: a wrong
        label is uniform over the other classes).
    n_classes : int
        Number of classes; codes run from 0 to ``n_classes - 1``.
    """

    labels: np.ndarray
    true_labels: np.ndarray
    correct: np.ndarray
    accuracies: tuple[float | tuple[float, ...], ...]
    favourites: tuple[int | None, ...]
    n_classes: int

    @property
    def flipped(self) -> np.ndarray:
        """``(n_items, n_annotators)`` bool: the labels that differ from the truth."""
        return ~self.correct

    def observed_accuracy(self) -> np.ndarray:
        """Each annotator's share of correct labels on these items."""
        return self.correct.mean(axis=0)


def simulate_annotators(
    true_labels: Sequence[int] | np.ndarray | pd.Series,
    accuracies: Sequence[float | Sequence[float]],
    *,
    n_classes: int,
    favourites: Sequence[int | None] | None = None,
    seed: int = 0,
) -> Annotations:
    """Simulate several annotators with known accuracies and biases labeling the same items.

    Annotator ``j`` gives item ``i`` its true label with probability ``accuracies[j]``
    (or ``accuracies[j][c]`` for an item of true class ``c``, if the annotator's accuracy
    depends on the class), independently of the other annotators and items. When it is
    wrong it gives its favourite class (``favourites[j]``; a uniformly drawn other class
    if the truth is the favourite or it has none), so a biased annotator over-uses one
    class.

    Parameters
    ----------
    true_labels : sequence of int, numpy.ndarray or pandas.Series
        True class codes, ``0 <= code < n_classes``, one per item.
    accuracies : sequence of (float or sequence of float)
        One accuracy per annotator, between 0 and 1 inclusive: a float, or
        ``n_classes`` floats (its accuracy on items of each true class).
    n_classes : int
        Number of classes, at least 2.
    favourites : sequence of (int or None), optional
        One entry per annotator: a class code it falls back on when wrong, or None.
        Default: no favourites.
    seed : int, default 0
        Seed for :func:`numpy.random.default_rng`; a non-negative integer.

    Returns
    -------
    Annotations
        The labels, the true labels, which labels are correct, and the settings.

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If an argument is out of range or the lengths disagree.

    Examples
    --------
    >>> result = simulate_annotators([0, 1, 2, 1] * 1_000, [0.9, 0.6, 0.75], n_classes=3,
    ...                              favourites=[None, 0, None], seed=8)
    >>> result.labels.shape
    (4000, 3)
    >>> result.observed_accuracy().round(2).tolist()
    [0.9, 0.6, 0.75]

    Annotator 1 favours class 0: its wrong labels say 0 whenever the truth is not 0 (three
    items in four here), while annotator 0 spreads its errors.

    >>> [round(float((result.labels[result.flipped[:, j], j] == 0).mean()), 2) for j in (0, 1)]
    [0.37, 0.75]

    """
    n_classes = check_int(n_classes, "n_classes", minimum=2)
    truth = _as_label_array(true_labels, "true_labels", n_classes=n_classes)
    if isinstance(accuracies, str) or not isinstance(accuracies, Sequence | np.ndarray):
        raise TypeError("accuracies must be a sequence of floats, one per annotator.")
    if len(accuracies) == 0:
        raise ValueError("accuracies is empty; pass one accuracy per annotator.")
    levels = tuple(_check_accuracy(a, f"accuracies[{j}]", n_classes)
                   for j, a in enumerate(accuracies))
    if favourites is None:
        favourites = [None] * len(levels)
    if isinstance(favourites, str) or len(favourites) != len(levels):
        raise ValueError(
            f"favourites must have one entry per annotator ({len(levels)}), got {favourites!r}."
        )
    biases = tuple(_check_favourite(f, f"favourites[{j}]", n_classes)
                   for j, f in enumerate(favourites))
    seed = check_seed(seed)

    streams = np.random.SeedSequence(seed).spawn(len(levels))
    labels = np.empty((truth.size, len(levels)), dtype=np.int64)
    for j, (accuracy, favourite, stream) in enumerate(zip(levels, biases, streams, strict=True)):
        rng = np.random.default_rng(stream)
        chance = np.asarray(accuracy)[truth] if isinstance(accuracy, tuple) else accuracy
        right = rng.random(truth.size) < chance
        labels[:, j] = np.where(right, truth, _wrong_labels(rng, truth, n_classes, favourite))
    return Annotations(labels=labels, true_labels=truth, correct=labels == truth[:, None],
                       accuracies=levels, favourites=biases, n_classes=n_classes)


def annotate_in_batches(
    true_labels: Sequence[int] | np.ndarray | pd.Series,
    sources: Mapping[str, Mapping[str, Any]],
    *,
    n_classes: int,
    seed: int = 0,
) -> pd.DataFrame:
    """Label a training set in batches from several sources, and keep the lineage.

    Each row goes to one batch (source) at random, with the batch sizes given by the
    sources' shares; each batch is labeled by one simulated annotator
    (:func:`simulate_annotators`) with the source's accuracy and bias.

    Parameters
    ----------
    true_labels : sequence of int, numpy.ndarray or pandas.Series
        True class codes, ``0 <= code < n_classes``, one per row.
    sources : mapping of str to mapping
        Source name -> settings: ``share`` (float > 0; shares are normalised to sum to
        1), ``accuracy`` (float in [0, 1], or one such float per true class) and
        optionally ``favourite`` (class code or None). At least one source.
    n_classes : int
        Number of classes, at least 2.
    seed : int, default 0
        Seed for :func:`numpy.random.default_rng`; a non-negative integer.

    Returns
    -------
    pandas.DataFrame
        One row per row of ``true_labels`` (same index if it is a Series), with columns
        ``source`` (str, the batch), ``label`` (the label the batch gave, int64),
        ``true_label`` (int64) and ``flipped`` (bool, ``label != true_label``).

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If an argument is out of range or a source's settings are incomplete.

    Examples
    --------
    >>> table = annotate_in_batches(
    ...     [0, 1, 2] * 1_000,
    ...     {"in-house": {"share": 0.5, "accuracy": 0.98},
    ...      "vendor": {"share": 0.5, "accuracy": 0.7, "favourite": 0}},
    ...     n_classes=3, seed=4)
    >>> table["source"].value_counts().sort_index().tolist()
    [1500, 1500]
    >>> table.groupby("source")["flipped"].mean().round(2).to_dict()
    {'in-house': 0.02, 'vendor': 0.3}

    """
    n_classes = check_int(n_classes, "n_classes", minimum=2)
    truth = _as_label_array(true_labels, "true_labels", n_classes=n_classes)
    index = true_labels.index if isinstance(true_labels, pd.Series) else pd.RangeIndex(truth.size)
    if not isinstance(sources, Mapping) or not sources:
        raise TypeError("sources must be a non-empty mapping: name -> {'share', 'accuracy'}.")
    names, shares, settings = [], [], []
    for name, spec in sources.items():
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"source names must be non-empty strings, got {name!r}.")
        if not isinstance(spec, Mapping) or not {"share", "accuracy"} <= set(spec):
            raise ValueError(f"source {name!r} needs 'share' and 'accuracy', got {spec!r}.")
        extra = set(spec) - {"share", "accuracy", "favourite"}
        if extra:
            raise ValueError(f"source {name!r} has unknown settings {sorted(extra)}.")
        names.append(name)
        shares.append(check_real(spec["share"], f"sources[{name!r}]['share']", low=0.0,
                                 low_inclusive=False))
        settings.append((_check_accuracy(spec["accuracy"], f"sources[{name!r}]['accuracy']",
                                         n_classes),
                         _check_favourite(spec.get("favourite"),
                                          f"sources[{name!r}]['favourite']", n_classes)))
    seed = check_seed(seed)

    share = np.asarray(shares) / math.fsum(shares)
    bounds = np.rint(np.cumsum(share) * truth.size).astype(np.int64)
    sizes = np.diff(np.concatenate([[0], bounds]))
    assign_stream, *batch_streams = np.random.SeedSequence(seed).spawn(len(names) + 1)
    batch_of_row = np.random.default_rng(assign_stream).permutation(
        np.repeat(np.arange(len(names)), sizes))
    labels = np.empty(truth.size, dtype=np.int64)
    for b, ((accuracy, favourite), stream) in enumerate(zip(settings, batch_streams, strict=True)):
        rows = np.flatnonzero(batch_of_row == b)
        if rows.size:
            batch_seed = int(stream.generate_state(1)[0])
            labels[rows] = simulate_annotators(truth[rows], [accuracy], n_classes=n_classes,
                                               favourites=[favourite],
                                               seed=batch_seed).labels[:, 0]
    return pd.DataFrame({
        "source": np.asarray(names, dtype=object)[batch_of_row],
        "label": labels,
        "true_label": truth,
        "flipped": labels != truth,
    }, index=index)


def vote_counts(votes: Sequence[Sequence[int]] | np.ndarray, *, n_classes: int) -> np.ndarray:
    """Count, for every item, how many votes each class got (abstentions ignored).

    Parameters
    ----------
    votes : 2-D array-like of int
        ``(n_items, n_voters)`` class codes ``0 <= code < n_classes``, or
        :data:`ABSTAIN` (-1) for no vote.
    n_classes : int
        Number of classes, at least 1.

    Returns
    -------
    numpy.ndarray
        ``(n_items, n_classes)`` int64 counts: the table Fleiss' kappa reads.

    Raises
    ------
    ValueError
        If ``votes`` is not 2-D or holds codes out of range.

    Examples
    --------
    >>> vote_counts([[0, 0, 2], [1, -1, 1]], n_classes=3).tolist()
    [[2, 0, 1], [0, 2, 0]]

    """
    n_classes = check_int(n_classes, "n_classes", minimum=1)
    array = np.asarray(votes)
    if array.ndim != 2:
        raise ValueError(f"votes must be 2-D (items x voters), got shape {array.shape}.")
    if array.dtype.kind not in "iu":
        raise TypeError(f"votes must hold integer class codes, got dtype {array.dtype}.")
    if array.size and (array.min() < ABSTAIN or array.max() >= n_classes):
        raise ValueError(f"votes must hold codes 0..{n_classes - 1} or {ABSTAIN} (abstain).")
    counts = np.zeros((array.shape[0], n_classes), dtype=np.int64)
    for c in range(n_classes):
        counts[:, c] = (array == c).sum(axis=1)
    return counts
