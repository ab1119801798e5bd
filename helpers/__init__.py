"""Shared helpers for the MLOps course notebooks, exercises and tests.

The package is split into small modules that are imported explicitly, so that
``import helpers`` stays fast and never pulls in matplotlib or a web framework.

Shared by every week:

``helpers.data``
    RiskNet's loans table (:func:`helpers.data.make_loans`): offline, deterministic, with
    missing values, rare defaults, a rare region, drift and a leaky column; a lazy
    record stream and a population with a rare class.
``helpers.plotting``
    Titled, labelled matplotlib plots and a check that a plot is labelled.
``helpers.timing``, ``helpers.evaluation``
    Timers; summaries and statistical bounds used by notebooks and tests.
``helpers.testing``
    The tools of the exercises' tests: :func:`~helpers.testing.call_many` (batched
    calls, side-effect checks), :class:`~helpers.testing.TrackedStream`, seeds that the
    false-reject check shifts, :func:`~helpers.testing.check_frequencies`.
``helpers.reporting``
    :func:`~helpers.reporting.publish`: a measured table shown to the reader and
    collected into the course report.

One week's lesson each (names say which):
``lifecycle`` and ``tracking`` (01), ``labeling`` (03a), ``imbalance`` (03b),
``augmentation`` and ``corpus`` (04), ``pipeline`` and ``profiling`` (05-06 Team
Scalable), ``modularization`` (05-06 Team Pip), ``serving`` (a package: schema, app,
runner, command line), ``streaming`` and ``packaging`` (07), ``compression`` (08),
``infrastructure``, ``workflow`` and ``monitoring`` (09).

Examples
--------
>>> import helpers
>>> helpers.__version__
'0.1.0'
>>> from helpers.data import make_loans
>>> make_loans(3, seed=1).shape
(3, 16)

"""

__version__ = "0.1.0"

__all__ = ["__version__"]
