"""Streaming features for RiskNet: a simulated stream of applications and its features.

Online models often need features about *the last few minutes*: how many applications a
customer has sent in the past hour, and for how much money. Such **streaming features**
are computed from the stream itself, and joined with **batch features** about the
customer's history, computed ahead of time in the data warehouse. This module simulates
both and computes the features with one function used for training and for serving:

:func:`make_stream`
    A simulated stream of loan applications (some customers apply in bursts, which
    raises their risk of default) and the history table of the customers.
:class:`StreamingFeatures`
    The feature function: :meth:`StreamingFeatures.update` takes one event, returns its
    features computed from strictly earlier events only, and then remembers the event.
    Serving calls it as events arrive; training replays past events through it
    (:func:`compute_features`), so both see exactly the same definition.
:func:`window_features_pandas`
    The same windowed counts and sums computed in one batch with pandas
    (``groupby().rolling(closed="left")``): an independent check of the definition.

The window of an event at time *t* is ``[t - w, t)``: an earlier event exactly *w* old
counts, the event itself does not, and neither does any other event at the very same
time *t* (a batch computation could not tell which of them came first).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from helpers._validation import check_int, check_seed

__all__ = [
    "FEATURE_COLUMNS",
    "HISTORY_FEATURES",
    "STREAM_FEATURES",
    "WINDOWS",
    "StreamingFeatures",
    "compute_features",
    "make_stream",
    "window_features_pandas",
]

#: The sliding windows of the streaming features, by name.
WINDOWS: dict[str, pd.Timedelta] = {"1h": pd.Timedelta(hours=1), "24h": pd.Timedelta(hours=24)}
#: Streaming features: the customer's earlier applications and the USD they asked for,
#: in each window of :data:`WINDOWS`.
STREAM_FEATURES: tuple[str, ...] = tuple(
    f"{kind}_{name}" for name in WINDOWS for kind in ("applications", "amount"))
#: Batch features from the customer's history (the data warehouse, refreshed nightly).
HISTORY_FEATURES: tuple[str, ...] = ("past_loans", "past_defaults", "months_as_customer")
#: Every feature of an event, in order: its own amount, history, then streaming features.
FEATURE_COLUMNS: tuple[str, ...] = ("amount", *HISTORY_FEATURES, *STREAM_FEATURES)

_START = pd.Timestamp("2024-03-01")


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def make_stream(n_events: int = 5_000, *, seed: int = 0, days: int = 14
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Simulate a stream of loan applications and the history of the customers.

    About one customer in ten is a *burst* applicant who sends several applications
    within minutes or hours (often a sign of trouble); the others apply now and then.
    Whether a loan defaults depends on the customer's past defaults, on the amount and
    on how many applications the customer sent in the hour and the day before, so the
    streaming features carry real signal.

    Parameters
    ----------
    n_events : int, default 5_000
        Number of applications, at least 1.
    seed : int, default 0
        Seed for :func:`numpy.random.default_rng`; the same seed gives the same data.
    days : int, default 14
        Length of the period in days, at least 1.

    Returns
    -------
    events : pandas.DataFrame
        One row per application, sorted by time: ``event_id`` (1..n), ``customer_id``
        (str), ``timestamp`` (datetime64, whole seconds, from 2024-03-01), ``amount``
        (USD) and ``defaulted`` (0/1, the label, known only much later).
    history : pandas.DataFrame
        One row per customer who appears in ``events``, indexed by ``customer_id``:
        :data:`HISTORY_FEATURES` as known before the period starts.

    Examples
    --------
    >>> events, history = make_stream(500, seed=1)
    >>> len(events), events["timestamp"].is_monotonic_increasing
    (500, True)
    >>> set(events["customer_id"]) <= set(history.index)
    True
    >>> make_stream(200, seed=3)[0].equals(make_stream(200, seed=3)[0])
    True

    """
    n = check_int(n_events, "n_events", minimum=1)
    seed = check_seed(seed)
    days = check_int(days, "days", minimum=1)
    rng = np.random.default_rng(seed)
    n_customers = max(20, n // 8)
    bursty = rng.random(n_customers) < 0.1
    popularity = rng.gamma(1.5, 1.0, n_customers) * np.where(bursty, 0.6, 1.0)

    # Sessions: a customer, a start time, a number of applications and their spacing.
    span_s = days * 86_400
    customers, times = [], []
    inside = 0
    while inside < n:
        size = 512
        who = rng.choice(n_customers, size=size, p=popularity / popularity.sum())
        starts = rng.uniform(0, span_s, size)
        counts = 1 + np.where(bursty[who], rng.poisson(3.0, size), rng.poisson(0.15, size))
        gap_s = np.where(bursty[who], 600.0, 5_400.0)
        for customer, start, count, gap in zip(who, starts, counts, gap_s, strict=True):
            offsets = np.floor(start + np.cumsum(np.r_[0.0, rng.exponential(gap, count - 1)]))
            offsets = offsets[offsets < span_s]  # a session may run past the period's end
            customers.extend([customer] * len(offsets))
            times.extend(offsets.tolist())
            inside += len(offsets)
    # Keep n of the applications at random, in time order.
    keep = np.sort(rng.choice(inside, size=n, replace=False))
    times_s = np.asarray(times)[keep]
    order = np.argsort(times_s, kind="stable")
    keep, times_s = keep[order], times_s[order]
    customer = np.asarray(customers)[keep]
    ids = np.array([f"C{i:05d}" for i in range(n_customers)])
    amount = np.clip(25.0 * np.rint(np.exp(math.log(12_000) + 0.5 * rng.standard_normal(n)
                                           + 0.3 * bursty[customer]) / 25.0), 1_000, 40_000)
    events = pd.DataFrame({
        "event_id": np.arange(1, n + 1, dtype=np.int64),
        "customer_id": ids[customer],
        "timestamp": _START + pd.to_timedelta(times_s.astype(np.int64), unit="s"),
        "amount": amount,
    })

    past_loans = rng.poisson(np.where(bursty, 3.0, 2.0), n_customers)
    past_defaults = rng.binomial(past_loans, np.where(bursty, 0.25, 0.04))
    months = np.round(rng.uniform(1, 120, n_customers), 1)
    history = pd.DataFrame({"past_loans": past_loans.astype(np.int64),
                            "past_defaults": past_defaults.astype(np.int64),
                            "months_as_customer": months},
                           index=pd.Index(ids, name="customer_id"))
    history = history.loc[sorted(set(events["customer_id"]))]

    features = compute_features(events, history)
    score = (-4.3 + 0.9 * np.log1p(features["applications_1h"].to_numpy())
             + 0.4 * np.log1p(features["applications_24h"].to_numpy())
             + 0.6 * features["past_defaults"].to_numpy()
             + 0.4 * np.log(events["amount"].to_numpy() / 12_000))
    events["defaulted"] = (rng.random(n) < _sigmoid(score)).astype(np.int64)
    return events, history


def _as_nanoseconds(value: Any) -> int:
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError) as error:
        raise ValueError(f"an event's timestamp must be a date and time, got {value!r}"
                         ) from error
    if stamp is pd.NaT:
        raise ValueError("an event's timestamp is missing (NaT)")
    return int(stamp.as_unit("ns").value)


class StreamingFeatures:
    """The feature function shared by training and serving.

    Feed it events in time order with :meth:`update`; each call returns the event's
    features and then adds the event to the windows. The features of an event depend
    only on the customer's history and on events **strictly before** it (see the module
    docstring for the window ``[t - w, t)``), so replaying the past through a fresh
    instance (training) and feeding live events one at a time (serving) give identical
    features.

    Parameters
    ----------
    history : pandas.DataFrame
        Indexed by ``customer_id``, with the columns :data:`HISTORY_FEATURES`. A
        customer missing from it is new: zeros.
    windows : mapping of str to pandas.Timedelta, default :data:`WINDOWS`
        The sliding windows; feature names are ``applications_<name>`` and
        ``amount_<name>``.

    Examples
    --------
    >>> history = pd.DataFrame({"past_loans": [2], "past_defaults": [0],
    ...                         "months_as_customer": [30.0]},
    ...                        index=pd.Index(["C1"], name="customer_id"))
    >>> features = StreamingFeatures(history)
    >>> first = features.update({"customer_id": "C1", "timestamp": "2024-03-01 10:00",
    ...                          "amount": 5_000.0})
    >>> second = features.update({"customer_id": "C1", "timestamp": "2024-03-01 10:20",
    ...                           "amount": 7_000.0})
    >>> first["applications_1h"], second["applications_1h"], second["amount_1h"]
    (0, 1, 5000.0)

    """

    def __init__(self, history: pd.DataFrame,
                 windows: Mapping[str, pd.Timedelta] = WINDOWS) -> None:
        if not isinstance(history, pd.DataFrame):
            raise TypeError(f"history must be a DataFrame, got {type(history).__name__}")
        missing = [c for c in HISTORY_FEATURES if c not in history.columns]
        if missing:
            raise ValueError(f"history lacks the column(s) {missing}")
        if not windows:
            raise ValueError("windows must name at least one window")
        self.windows = {name: int(pd.Timedelta(w).value) for name, w in windows.items()}
        if min(self.windows.values()) <= 0:
            raise ValueError("every window must be a positive duration")
        self._history = {key: dict(zip(HISTORY_FEATURES, values, strict=True))
                         for key, values in zip(history.index,
                                                history[list(HISTORY_FEATURES)].itertuples(
                                                    index=False, name=None), strict=True)}
        self._longest = max(self.windows.values())
        self._recent: dict[Any, deque[tuple[int, float]]] = {}
        self._last_time: int | None = None

    def update(self, event: Mapping[str, Any]) -> dict[str, Any]:
        """Return the features of ``event``, then remember it.

        Parameters
        ----------
        event : mapping
            With ``customer_id``, ``timestamp`` (not earlier than the previous event's)
            and ``amount``.

        Returns
        -------
        dict
            :data:`FEATURE_COLUMNS` (for the default windows) and their values.

        Raises
        ------
        ValueError
            If the event is missing a key or arrives out of time order.
        """
        try:
            customer, stamp, amount = event["customer_id"], event["timestamp"], event["amount"]
        except KeyError as error:
            raise ValueError(f"an event needs customer_id, timestamp and amount; "
                             f"missing {error}") from error
        now = _as_nanoseconds(stamp)
        if self._last_time is not None and now < self._last_time:
            raise ValueError("events must arrive in time order: this one is earlier than "
                             "the previous one")
        self._last_time = now
        amount = float(amount)
        recent = self._recent.setdefault(customer, deque())
        while recent and recent[0][0] < now - self._longest:
            recent.popleft()
        features: dict[str, Any] = {"amount": amount}
        features |= self._history.get(customer, dict.fromkeys(HISTORY_FEATURES, 0))
        for name, width in self.windows.items():
            inside = [value for when, value in recent if now - width <= when < now]
            features[f"applications_{name}"] = len(inside)
            features[f"amount_{name}"] = float(sum(inside))
        recent.append((now, amount))
        return features


def compute_features(events: pd.DataFrame | Iterable[Mapping[str, Any]],
                     history: pd.DataFrame,
                     windows: Mapping[str, pd.Timedelta] = WINDOWS) -> pd.DataFrame:
    """Features of every event, by replaying them through a fresh :class:`StreamingFeatures`.

    This is the training path: the same :meth:`StreamingFeatures.update` that serving
    calls, applied to the past events in order.

    Parameters
    ----------
    events : pandas.DataFrame or iterable of mappings
        In time order, with ``customer_id``, ``timestamp`` and ``amount``.
    history : pandas.DataFrame
        The customers' history (see :class:`StreamingFeatures`).
    windows : mapping, default :data:`WINDOWS`
        The sliding windows.

    Returns
    -------
    pandas.DataFrame
        One row per event (the DataFrame's index, if ``events`` is one), one column per
        feature.

    Examples
    --------
    >>> events, history = make_stream(300, seed=2)
    >>> features = compute_features(events, history)
    >>> features.shape, list(features.columns) == list(FEATURE_COLUMNS)
    ((300, 8), True)

    """
    replay = StreamingFeatures(history, windows)
    if isinstance(events, pd.DataFrame):
        rows = [replay.update(event) for event in events.to_dict("records")]
        return pd.DataFrame(rows, index=events.index)
    return pd.DataFrame([replay.update(event) for event in events])


def window_features_pandas(events: pd.DataFrame, window: str | pd.Timedelta, *,
                           closed: str = "left") -> pd.DataFrame:
    """Windowed counts and sums in one batch, with pandas: an independent check.

    For each event, the customer's applications in ``[t - window, t)`` and their total
    amount, from ``groupby("customer_id").rolling(window, on="timestamp",
    closed="left")``. pandas' own default, ``closed="right"``, gives ``(t - window, t]``:
    it counts the event itself, a classic source of train/serve skew.

    Parameters
    ----------
    events : pandas.DataFrame
        With ``customer_id``, ``timestamp`` and ``amount``; sorted by ``timestamp``.
    window : str or pandas.Timedelta
        E.g. ``"1h"``.
    closed : {"left", "right", "both", "neither"}, default "left"
        Which ends of the window to include, as in :meth:`pandas.DataFrame.rolling`.

    Returns
    -------
    pandas.DataFrame
        Columns ``applications`` (int) and ``amount`` (float), aligned with ``events``.

    Examples
    --------
    >>> events, history = make_stream(400, seed=5)
    >>> batch = window_features_pandas(events, "1h")
    >>> online = compute_features(events, history)
    >>> bool((batch["applications"] == online["applications_1h"]).all())
    True
    >>> naive = window_features_pandas(events, "1h", closed="right")
    >>> bool((naive["applications"] == online["applications_1h"] + 1).all())
    True

    """
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"events must be a DataFrame, got {type(events).__name__}")
    if closed not in ("left", "right", "both", "neither"):
        raise ValueError(f"closed must be 'left', 'right', 'both' or 'neither', got {closed!r}")
    if not events["timestamp"].is_monotonic_increasing:
        raise ValueError("events must be sorted by timestamp")
    groups = events.groupby("customer_id", sort=True)
    rolling = groups.rolling(pd.Timedelta(window), on="timestamp", closed=closed)["amount"]
    positions = np.concatenate([rows for _, rows in sorted(groups.indices.items())])
    counts = np.empty(len(events))
    totals = np.empty(len(events))
    counts[positions] = rolling.count().to_numpy()
    totals[positions] = rolling.sum().to_numpy()
    return pd.DataFrame({"applications": np.nan_to_num(counts).astype(np.int64),
                         "amount": np.nan_to_num(totals)}, index=events.index)
