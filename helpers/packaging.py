"""Package a fitted pipeline for deployment: ONNX export, an ONNX-backed model, sizes.

The deployment week compares four ways to ship RiskNet's fitted pipeline
(:func:`helpers.serving.model.build_pipeline`): pickle, joblib, skops and ONNX. Pickle, joblib
and skops need only their ``dump``/``load`` calls; ONNX needs a description of the inputs
and a runtime, which this module wraps:

:func:`export_onnx`
    Convert the pipeline to an ONNX graph (bytes): one input per feature, the
    probabilities as a plain float array.
:class:`OnnxModel`
    An ONNX Runtime session behind the same ``predict_proba(DataFrame)`` call as the
    scikit-learn pipeline, so the prediction service can run either.
:func:`requirement_closure`, :func:`installed_size`
    The installed distributions a runtime needs (its requirements, theirs, and so on)
    and their bytes on disk: what a deployment carries besides the model file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib import metadata
from typing import Any

import numpy as np
import pandas as pd

from helpers.serving.schema import CATEGORICAL_FEATURES, FEATURES, NUMERIC_FEATURES

__all__ = ["OnnxModel", "export_onnx", "installed_size", "requirement_closure"]


def export_onnx(model: Any) -> bytes:
    """Convert a fitted :func:`helpers.serving.model.build_pipeline` pipeline to ONNX.

    Numeric features become float32 inputs and categorical ones string inputs, one
    input of shape ``(n, 1)`` per feature, named after it; the graph's outputs are
    ``label`` and ``probabilities`` (an ``(n, 2)`` float array, no ZipMap).

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted pipeline whose inputs are :data:`helpers.serving.schema.FEATURES`.

    Returns
    -------
    bytes
        The serialised ONNX model.

    Raises
    ------
    TypeError
        If ``model`` is not a scikit-learn estimator.
    ValueError
        If ``model`` is not fitted.

    Examples
    --------
    >>> from helpers.data import make_loans
    >>> from helpers.serving.model import train_model
    >>> onnx_bytes = export_onnx(train_model(make_loans(2_000, seed=1)))
    >>> len(onnx_bytes) < 20_000
    True

    """
    from skl2onnx import to_onnx
    from skl2onnx.common.data_types import FloatTensorType, StringTensorType
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    try:
        check_is_fitted(model)
    except TypeError as error:
        raise TypeError(f"model must be a fitted scikit-learn estimator, got "
                        f"{type(model).__name__}") from error
    except NotFittedError as error:
        raise ValueError("model is not fitted yet: fit it (helpers.serving.model.train_model) "
                         "before exporting it") from error
    inputs = ([(name, FloatTensorType([None, 1])) for name in NUMERIC_FEATURES]
              + [(name, StringTensorType([None, 1])) for name in CATEGORICAL_FEATURES])
    graph = to_onnx(model, initial_types=inputs, options={"zipmap": False})
    return graph.SerializeToString()


class OnnxModel:
    """An ONNX model with the scikit-learn ``predict_proba(DataFrame)`` interface.

    The session runs on one thread (``intra_op`` and ``inter_op`` set to 1), as in the
    course's grading sandbox and as an edge device would. The object pickles as its
    ONNX bytes, so :func:`helpers.serving.model.model_version` can fingerprint it.

    Parameters
    ----------
    onnx_bytes : bytes
        A model from :func:`export_onnx`.

    Attributes
    ----------
    size_bytes : int
        Size of the ONNX model.

    Examples
    --------
    >>> from helpers.data import make_loans
    >>> from helpers.serving.model import train_model
    >>> from helpers.serving.schema import FEATURES
    >>> pipeline = train_model(make_loans(2_000, seed=1))
    >>> onnx_model = OnnxModel(export_onnx(pipeline))
    >>> rows = make_loans(50, seed=2)[list(FEATURES)]
    >>> gap = np.abs(onnx_model.predict_proba(rows) - pipeline.predict_proba(rows)).max()
    >>> bool(gap < 1e-5)
    True

    """

    def __init__(self, onnx_bytes: bytes) -> None:
        if not isinstance(onnx_bytes, bytes | bytearray):
            raise TypeError(f"onnx_bytes must be bytes, got {type(onnx_bytes).__name__}")
        self._load(bytes(onnx_bytes))

    def _load(self, onnx_bytes: bytes) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        try:
            self._session = onnxruntime.InferenceSession(
                onnx_bytes, options, providers=["CPUExecutionProvider"])
        except Exception as error:  # onnxruntime raises its own exception types
            raise ValueError(f"onnx_bytes is not a model ONNX Runtime can load: {error}"
                             ) from error
        names = {node.name for node in self._session.get_inputs()}
        if names != set(FEATURES):
            raise ValueError(f"the ONNX model's inputs {sorted(names)} are not the loan "
                             "features; export it with export_onnx")
        self._bytes = onnx_bytes
        self.size_bytes = len(onnx_bytes)

    def predict_proba(self, frame: pd.DataFrame) -> np.ndarray:
        """Probabilities of each class, shape ``(n, 2)`` (float64), like scikit-learn's.

        Parameters
        ----------
        frame : pandas.DataFrame
            Rows with the columns :data:`helpers.serving.schema.FEATURES`; numeric NaN means
            unknown (the graph imputes it).

        Returns
        -------
        numpy.ndarray
            Column 1 is the probability of default.
        """
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"frame must be a pandas DataFrame, got {type(frame).__name__}")
        missing = [name for name in FEATURES if name not in frame.columns]
        if missing:
            raise ValueError(f"frame lacks the column(s) {missing}")
        feeds = {name: frame[name].to_numpy(dtype=np.float32).reshape(-1, 1)
                 for name in NUMERIC_FEATURES}
        feeds |= {name: frame[name].astype(object).to_numpy().reshape(-1, 1)
                  for name in CATEGORICAL_FEATURES}
        (probabilities,) = self._session.run(["probabilities"], feeds)
        return probabilities.astype(np.float64)

    def __getstate__(self) -> dict[str, bytes]:
        return {"onnx_bytes": self._bytes}

    def __setstate__(self, state: dict[str, bytes]) -> None:
        self._load(state["onnx_bytes"])

    def __repr__(self) -> str:
        digest = hashlib.sha256(self._bytes).hexdigest()[:12]
        return f"OnnxModel({self.size_bytes:,} bytes, sha256 {digest}...)"


def installed_size(distributions: Iterable[str]) -> int:
    """Bytes on disk of the files of installed Python distributions.

    Parameters
    ----------
    distributions : iterable of str
        Distribution names as pip knows them (``"scikit-learn"``, ``"onnxruntime"``).

    Returns
    -------
    int
        The sum of the sizes of their files (each distribution counted once).

    Raises
    ------
    ValueError
        If a distribution is not installed.

    Examples
    --------
    >>> installed_size(["numpy"]) > 1_000_000
    True

    """
    if isinstance(distributions, str):
        raise TypeError("distributions must be a list of names, e.g. ['numpy']")
    total = 0
    for name in dict.fromkeys(distributions):
        try:
            files = metadata.distribution(name).files or []
        except metadata.PackageNotFoundError as error:
            raise ValueError(f"distribution {name!r} is not installed") from error
        for file in files:
            path = file.locate()
            if path.is_file():
                total += path.stat().st_size
    return total


def requirement_closure(distributions: Iterable[str]) -> list[str]:
    """The distributions that ``distributions`` need, recursively, as installed here.

    A list-only front to :func:`helpers.infrastructure.requirement_closure` (the course's
    one implementation): requirements behind an extra (``fastapi[standard]``) are
    skipped unless a name asks for them; environment markers are evaluated for this
    interpreter.

    Parameters
    ----------
    distributions : iterable of str
        Distribution names, e.g. ``["onnxruntime"]``.

    Returns
    -------
    list of str
        Sorted, normalised names, including ``distributions`` themselves.

    Raises
    ------
    TypeError
        If ``distributions`` is a single string rather than a list of names.
    ValueError
        If a distribution is not installed.

    Examples
    --------
    >>> closure = requirement_closure(["scikit-learn"])
    >>> {"scikit-learn", "numpy", "scipy", "joblib"} <= set(closure)
    True

    """
    from helpers.infrastructure import requirement_closure as closure_of

    if isinstance(distributions, str):
        raise TypeError("distributions must be a list of names, e.g. ['numpy']")
    return closure_of(list(distributions))
