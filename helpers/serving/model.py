"""The model behind the service: build it, train it, fingerprint it, store it safely.

:func:`build_pipeline`, :func:`train_model`, :func:`default_model`
    The scikit-learn pipeline (imputation, scaling, one-hot encoding, logistic
    regression), its training on a loans table, and the service's default model.
:func:`model_version`
    A short fingerprint of a fitted model, reported with every prediction.
:func:`save_model`, :func:`load_model`
    Store a fitted pipeline with skops, and load it back trusting only the types the
    pipeline is made of (loading runs no code from the file).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from helpers.data import make_loans
from helpers.serving.schema import CATEGORICAL_FEATURES, FEATURES, NUMERIC_FEATURES

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

__all__ = [
    "DEFAULT_TRAINING_ROWS",
    "TRUSTED_EXTRA_TYPES",
    "build_pipeline",
    "default_model",
    "load_model",
    "model_version",
    "save_model",
    "train_model",
]

#: Rows of ``make_loans(..., seed=0)`` the default model is trained on.
DEFAULT_TRAINING_ROWS = 20_000
#: The types a pipeline from :func:`build_pipeline` is made of, beyond those skops
#: trusts by default; :func:`load_model` refuses a file holding anything else.
TRUSTED_EXTRA_TYPES: tuple[str, ...] = ("numpy.dtype",)


def build_pipeline() -> Pipeline:
    """Return the (unfitted) scikit-learn pipeline the service runs.

    Median imputation and standard scaling for :data:`NUMERIC_FEATURES`, one-hot
    encoding (unknown categories ignored) for :data:`CATEGORICAL_FEATURES`, then a
    logistic regression.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Steps ``"prepare"`` and ``"classify"``.

    Examples
    --------
    >>> [name for name, _ in build_pipeline().steps]
    ['prepare', 'classify']

    """
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline, make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    prepare = ColumnTransformer([
        ("numeric", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
         list(NUMERIC_FEATURES)),
        ("categorical", OneHotEncoder(handle_unknown="ignore", sparse_output=False),
         list(CATEGORICAL_FEATURES)),
    ])
    return Pipeline([("prepare", prepare), ("classify", LogisticRegression(max_iter=1_000))])


def train_model(loans: pd.DataFrame) -> Pipeline:
    """Fit :func:`build_pipeline` on a loans table's :data:`FEATURES` and ``defaulted``.

    Parameters
    ----------
    loans : pandas.DataFrame
        A table with the columns of :func:`helpers.data.make_loans` (at least the
        features and ``defaulted``); it is not modified.

    Returns
    -------
    sklearn.pipeline.Pipeline
        The fitted pipeline; ``predict_proba`` takes a DataFrame with :data:`FEATURES`.

    Raises
    ------
    TypeError
        If ``loans`` is not a DataFrame.
    ValueError
        If a column is missing or ``defaulted`` holds a single class.

    Examples
    --------
    >>> model = train_model(make_loans(2_000, seed=1))
    >>> model.predict_proba(make_loans(3, seed=2)[list(FEATURES)]).shape
    (3, 2)

    """
    if not isinstance(loans, pd.DataFrame):
        raise TypeError(f"loans must be a pandas DataFrame, got {type(loans).__name__}")
    missing = [c for c in (*FEATURES, "defaulted") if c not in loans.columns]
    if missing:
        raise ValueError(f"loans lacks the column(s) {missing}; use helpers.data.make_loans")
    if loans["defaulted"].nunique() < 2:
        raise ValueError("loans['defaulted'] must hold both classes (0 and 1) to train on")
    return build_pipeline().fit(loans[list(FEATURES)], loans["defaulted"])


def default_model() -> Pipeline:
    """Train the service's default model on ``make_loans(20_000, seed=0)``.

    Deterministic: every call returns an equal model (about a second of work).

    Returns
    -------
    sklearn.pipeline.Pipeline
        The fitted pipeline.
    """
    return train_model(make_loans(DEFAULT_TRAINING_ROWS, seed=0))


def model_version(model: Any) -> str:
    """A short fingerprint of a fitted model: 12 hex digits of the SHA-256 of its pickle.

    Two equal models (same class, parameters and fitted values) get the same version.

    Examples
    --------
    >>> model = train_model(make_loans(1_000, seed=3))
    >>> version = model_version(model)
    >>> len(version), version == model_version(train_model(make_loans(1_000, seed=3)))
    (12, True)

    """
    return hashlib.sha256(pickle.dumps(model, protocol=5)).hexdigest()[:12]


def save_model(model: Any, path: str | os.PathLike[str]) -> Path:
    """Write a fitted pipeline to ``path`` in skops format (no code runs when it loads).

    Returns
    -------
    pathlib.Path
        The path written.
    """
    import skops.io

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    skops.io.dump(model, target)
    return target


def load_model(path: str | os.PathLike[str], *,
               trusted: Sequence[str] = TRUSTED_EXTRA_TYPES) -> Any:
    """Load a model saved by :func:`save_model`, refusing types nobody vouched for.

    skops reads the file without running code from it; a type it does not trust by
    default must be named in ``trusted``. A file that holds any other type is refused
    with a ``ValueError`` naming the types, before anything is built.

    Parameters
    ----------
    path : str or path-like
        The ``.skops`` file.
    trusted : sequence of str, default :data:`TRUSTED_EXTRA_TYPES`
        Extra type names (``"module.Class"``) to accept.

    Returns
    -------
    object
        The fitted pipeline.

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist.
    ValueError
        If the file holds types outside skops' defaults and ``trusted``.

    Examples
    --------
    >>> import tempfile, numpy as np
    >>> model = train_model(make_loans(1_000, seed=3))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     loaded = load_model(save_model(model, f"{folder}/model.skops"))
    >>> rows = make_loans(5, seed=4)[list(FEATURES)]
    >>> bool(np.array_equal(loaded.predict_proba(rows), model.predict_proba(rows)))
    True

    """
    import skops.io

    source = Path(path)
    if not source.is_file():
        raise FileNotFoundError(f"no model file at {source}")
    unknown = sorted(set(skops.io.get_untrusted_types(file=source)) - set(trusted))
    if unknown:
        raise ValueError(f"{source} holds types that are not trusted: {unknown}; "
                         "load it only if you know where it comes from")
    return skops.io.load(source, trusted=list(trusted))
