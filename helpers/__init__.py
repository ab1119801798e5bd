"""Shared helpers for the MLOps course notebooks, exercises and tests.

The package is split into small modules that are imported explicitly, so that
``import helpers`` stays fast and never pulls in matplotlib:

``helpers.data``
    The course's running example, an offline and deterministic loan-applications
    data set (:func:`helpers.data.make_loans`), a lazily produced stream of
    records (:func:`helpers.data.record_stream`) and a population with a rare
    class (:func:`helpers.data.rare_class_population`).
``helpers.plotting``
    Titled, labelled matplotlib plots and a check that a plot is labelled.
``helpers.timing``
    A timer context manager, repeated timing of a call and readable durations.
``helpers.evaluation``
    Generic summaries used by notebooks and statistical tests.
``helpers.testing``
    :func:`helpers.testing.call_many`, which calls a function once per argument
    set and lets the course grader batch those calls.

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
