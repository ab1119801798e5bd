"""RiskNet's prediction service: a loan-default model behind a small FastAPI app.

The deployment week serves the course's running example, RiskNet's loans table
(:func:`helpers.data.make_loans`), over HTTP:

:class:`LoanApplication`
    The request schema (pydantic): the twelve features of one application, their types
    and ranges. Unknown fields, text for numbers, missing fields and values out of range
    are refused with a 4xx whose message names the field.
:func:`build_pipeline`, :func:`train_model`
    The scikit-learn pipeline (imputation, scaling, one-hot encoding, logistic
    regression) and its training on a loans table.
:func:`create_app`
    The app factory: ``POST /predict`` (one application), ``POST /predict/batch``
    (up to :data:`MAX_BATCH` applications), ``GET /health``, ``GET /metadata``, plus
    FastAPI's interactive docs at ``/docs`` and the OpenAPI schema at ``/openapi.json``.
:func:`serve_in_thread`, :func:`serve_in_subprocess`
    Start the service with uvicorn on 127.0.0.1 and a free port chosen by the operating
    system, wait until it answers ``/health`` (or fail with a clear error), and stop it
    cleanly when the ``with`` block ends, even if the block raised.
:func:`save_model`, :func:`load_model`
    Store a fitted pipeline with skops, and load it back trusting only the types the
    pipeline is made of.

Run the service for a person with ``python -m helpers.serving`` (``make serve``): it
trains the default model, listens on http://127.0.0.1:8000 and prints where. See
``python -m helpers.serving --help``.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import http.client
import os
import pickle
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from helpers._validation import check_int, check_real, check_text
from helpers.data import (
    HOME_OWNERSHIP_CATEGORIES,
    LOAN_COLUMNS,
    PURPOSE_CATEGORIES,
    REGION_CATEGORIES,
    make_loans,
)

if TYPE_CHECKING:
    from fastapi import FastAPI
    from sklearn.pipeline import Pipeline

__all__ = [
    "CATEGORICAL_FEATURES",
    "DEFAULT_THRESHOLD",
    "EXAMPLE_APPLICATION",
    "FEATURES",
    "INTEGER_FEATURES",
    "LOAN_SCHEMA",
    "MAX_BATCH",
    "MAX_BODY_BYTES",
    "NUMERIC_FEATURES",
    "BatchRequest",
    "LoanApplication",
    "RunningService",
    "application_payloads",
    "applications_to_frame",
    "build_pipeline",
    "create_app",
    "default_model",
    "load_model",
    "main",
    "model_version",
    "save_model",
    "serve_in_subprocess",
    "serve_in_thread",
    "train_model",
    "wait_until_ready",
]

#: Numeric model inputs, in the order the pipeline reads them.
NUMERIC_FEATURES: tuple[str, ...] = (
    "age", "annual_income", "employment_years", "loan_amount", "term_months",
    "credit_score", "debt_to_income", "open_accounts", "past_delinquencies",
)
#: Categorical model inputs, in the order the pipeline reads them.
CATEGORICAL_FEATURES: tuple[str, ...] = ("home_ownership", "purpose", "region")
#: Numeric features that are whole numbers (JSON integers in a request).
INTEGER_FEATURES: tuple[str, ...] = (
    "age", "term_months", "credit_score", "open_accounts", "past_delinquencies")
#: Every model input: what one application must hold. Identifiers, dates, the label and
#: the leaky ``recovery_amount`` (known only after a default) are not inputs.
FEATURES: tuple[str, ...] = NUMERIC_FEATURES + CATEGORICAL_FEATURES
#: Probability of default at or above which an application is referred to a person.
DEFAULT_THRESHOLD = 0.10
#: Most applications one batch request may hold.
MAX_BATCH = 1_000
#: Largest request body the service reads, in bytes (1 MiB).
MAX_BODY_BYTES = 1_048_576
#: Rows of ``make_loans(..., seed=0)`` the default model is trained on.
DEFAULT_TRAINING_ROWS = 20_000
#: The types a pipeline from :func:`build_pipeline` is made of, beyond those skops
#: trusts by default; :func:`load_model` refuses a file holding anything else.
TRUSTED_EXTRA_TYPES: tuple[str, ...] = ("numpy.dtype",)


def _describe(column: str) -> str:
    return LOAN_COLUMNS[column].split(" (")[0]


# ----------------------------------------------------------------------------- schema
#: A valid application, the example shown on the service's /docs page.
EXAMPLE_APPLICATION: dict[str, Any] = {
    "age": 42, "annual_income": 52_000.0, "employment_years": 6.5, "loan_amount": 12_000.0,
    "term_months": 36, "credit_score": 690, "debt_to_income": 0.2, "open_accounts": 4,
    "past_delinquencies": 0, "home_ownership": "MORTGAGE", "purpose": "debt_consolidation",
    "region": "North",
}

class LoanApplication(BaseModel):
    """One loan application, as a client sends it to the service.

    Every feature is required; ``annual_income`` and ``employment_years`` may be ``null``
    (unknown: the model imputes them). Numbers must be JSON numbers (``"700"`` and
    ``true`` are refused), integers must be whole, and nothing else may be sent
    except an optional ``request_id`` that the response echoes.

    Examples
    --------
    >>> application = LoanApplication(**EXAMPLE_APPLICATION)
    >>> application.credit_score, application.region
    (690, 'North')
    >>> LoanApplication(**{**EXAMPLE_APPLICATION, "credit_score": 900})
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for LoanApplication
    credit_score
      Input should be less than or equal to 850 ...

    """

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False,
                              json_schema_extra={"examples": [EXAMPLE_APPLICATION]})

    age: Annotated[int, Field(ge=18, le=100, description=_describe("age"))]
    annual_income: Annotated[float | None, Field(
        ge=0, le=10_000_000, description=_describe("annual_income") + "; null if unknown")]
    employment_years: Annotated[float | None, Field(
        ge=0, le=80, description=_describe("employment_years") + "; null if unknown")]
    loan_amount: Annotated[float, Field(ge=1_000, le=40_000,
                                        description=_describe("loan_amount"))]
    term_months: Annotated[Literal[36, 60], Field(description=_describe("term_months"))]
    credit_score: Annotated[int, Field(ge=300, le=850, description=_describe("credit_score"))]
    debt_to_income: Annotated[float, Field(ge=0, le=2,
                                           description=_describe("debt_to_income"))]
    open_accounts: Annotated[int, Field(ge=0, le=100, description=_describe("open_accounts"))]
    past_delinquencies: Annotated[int, Field(ge=0, le=100,
                                             description=_describe("past_delinquencies"))]
    home_ownership: Literal[HOME_OWNERSHIP_CATEGORIES]  # type: ignore[valid-type]
    purpose: Literal[PURPOSE_CATEGORIES]  # type: ignore[valid-type]
    region: Literal[REGION_CATEGORIES]  # type: ignore[valid-type]
    request_id: Annotated[str | None, Field(
        max_length=64, pattern=r"^[A-Za-z0-9._:-]+$",
        description="Optional identifier chosen by the client, echoed in the response "
                    "(letters, digits and . _ : -, at most 64 characters)")] = None




#: The rules of :class:`LoanApplication` as plain data, one spec per feature: ``"type"``
#: (``"int"``, ``"float"`` or ``"str"``), inclusive ``"min"``/``"max"``, allowed
#: ``"values"`` and ``"nullable"``. The deployment week's validator exercise reads it;
#: ``tests/test_helpers_serving.py`` checks that it agrees with the pydantic model.
LOAN_SCHEMA: dict[str, dict[str, Any]] = {
    "age": {"type": "int", "min": 18, "max": 100},
    "annual_income": {"type": "float", "min": 0, "max": 10_000_000, "nullable": True},
    "employment_years": {"type": "float", "min": 0, "max": 80, "nullable": True},
    "loan_amount": {"type": "float", "min": 1_000, "max": 40_000},
    "term_months": {"type": "int", "values": [36, 60]},
    "credit_score": {"type": "int", "min": 300, "max": 850},
    "debt_to_income": {"type": "float", "min": 0, "max": 2},
    "open_accounts": {"type": "int", "min": 0, "max": 100},
    "past_delinquencies": {"type": "int", "min": 0, "max": 100},
    "home_ownership": {"type": "str", "values": list(HOME_OWNERSHIP_CATEGORIES)},
    "purpose": {"type": "str", "values": list(PURPOSE_CATEGORIES)},
    "region": {"type": "str", "values": list(REGION_CATEGORIES)},
}


class BatchRequest(BaseModel):
    """Several applications scored in one request (1 to :data:`MAX_BATCH`)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    instances: Annotated[list[LoanApplication], Field(
        min_length=1, max_length=MAX_BATCH,
        description=f"The applications, 1 to {MAX_BATCH:,} of them")]


class Prediction(BaseModel):
    """The service's answer for one application."""

    request_id: str | None = None
    probability_of_default: float = Field(description="Estimated probability of default")
    decision: Literal["approve", "refer"] = Field(
        description="'refer' (to a person) when the probability reaches the threshold")
    model_version: str


class BatchPrediction(BaseModel):
    """The service's answer for a batch, in the order of the request."""

    predictions: list[Prediction]
    model_version: str


class FeatureInfo(BaseModel):
    """One model input, for the metadata endpoint."""

    name: str
    kind: Literal["numeric", "categorical"]
    description: str


class ModelInfo(BaseModel):
    """What ``GET /metadata`` returns: which model answers, and on what terms."""

    model_name: str
    model_version: str
    model_class: str
    threshold: float
    features: list[FeatureInfo]
    max_batch: int
    max_body_bytes: int
    sklearn_version: str


# ----------------------------------------------------------------------------- model
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


def applications_to_frame(applications: Sequence[LoanApplication | Mapping[str, Any]]
                          ) -> pd.DataFrame:
    """Turn validated applications into the DataFrame the pipeline expects.

    Parameters
    ----------
    applications : sequence of LoanApplication or mapping
        Applications already validated against :class:`LoanApplication`.

    Returns
    -------
    pandas.DataFrame
        One row per application and the columns :data:`FEATURES`: floats (``None``
        becomes NaN) for the numeric features, Python strings for the categorical ones.

    Examples
    --------
    >>> frame = applications_to_frame([EXAMPLE_APPLICATION, {**EXAMPLE_APPLICATION,
    ...                                                       "annual_income": None}])
    >>> frame.shape, float(frame["annual_income"].isna().sum())
    ((2, 12), 1.0)

    """
    rows = [a.model_dump() if isinstance(a, BaseModel) else a for a in applications]
    columns: dict[str, np.ndarray] = {}
    for name in NUMERIC_FEATURES:
        columns[name] = np.array([row[name] for row in rows], dtype=float)
    for name in CATEGORICAL_FEATURES:
        columns[name] = np.array([row[name] for row in rows], dtype=object)
    return pd.DataFrame(columns, columns=list(FEATURES))


def application_payloads(loans: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON-ready request bodies for the rows of a loans table.

    Parameters
    ----------
    loans : pandas.DataFrame
        Rows with the columns :data:`FEATURES` (e.g. from :func:`helpers.data.make_loans`).

    Returns
    -------
    list of dict
        One :class:`LoanApplication`-shaped dict per row, with plain Python values:
        ``int`` for :data:`INTEGER_FEATURES`, ``float`` or ``None`` (missing) for the
        other numbers, ``str`` for the categories.

    Examples
    --------
    >>> payload = application_payloads(make_loans(3, seed=1))[0]
    >>> type(payload["credit_score"]).__name__, type(payload["region"]).__name__
    ('int', 'str')
    >>> LoanApplication(**payload).credit_score == payload["credit_score"]
    True

    """
    if not isinstance(loans, pd.DataFrame):
        raise TypeError(f"loans must be a pandas DataFrame, got {type(loans).__name__}")
    missing = [c for c in FEATURES if c not in loans.columns]
    if missing:
        raise ValueError(f"loans lacks the column(s) {missing}")
    columns: dict[str, list[Any]] = {}
    for name in FEATURES:
        values = loans[name]
        if name in INTEGER_FEATURES:
            columns[name] = [int(v) for v in values.to_numpy()]
        elif name in NUMERIC_FEATURES:
            columns[name] = [None if np.isnan(v) else float(v)
                             for v in values.to_numpy(dtype=float)]
        else:
            columns[name] = [str(v) for v in values.astype(object)]
    return [dict(zip(FEATURES, row, strict=True))
            for row in zip(*(columns[name] for name in FEATURES), strict=True)]


# ----------------------------------------------------------------------------- the app
def _field_name(loc: Sequence[Any]) -> str:
    """``("body", "instances", 3, "age")`` -> ``"instances[3].age"``; the body -> ``"body"``."""
    parts = list(loc)
    if parts and parts[0] == "body":
        parts = parts[1:]
    name = ""
    for part in parts:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name or "body"


def _validation_problems(errors: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    problems = []
    for error in errors:
        loc = list(error.get("loc", ()))
        message = str(error.get("msg", "invalid value"))
        if error.get("type") == "json_invalid":
            loc = ["body"]  # the JSON position is not a field
            detail = (error.get("ctx") or {}).get("error")
            message = f"the body is not valid JSON ({detail})" if detail else message
        elif loc == ["body"] and error.get("type") in ("model_attributes_type", "dict_type"):
            message = "the body must be a JSON object sent with Content-Type: application/json"
        problems.append({"field": _field_name(loc), "msg": message,
                         "type": str(error.get("type", "value_error")),
                         "loc": [str(part) if not isinstance(part, int) else part
                                 for part in loc]})
    return problems


_HTTP_ERROR_FIELDS = {400: "body", 404: "path", 405: "method", 413: "body"}


def _error_body(field: str, message: str, kind: str) -> dict[str, Any]:
    return {"detail": [{"field": field, "msg": message, "type": kind, "loc": [field]}]}


class _BodyLimit:
    """ASGI middleware: answer 413 (JSON) to a request body over ``max_body_bytes``.

    A declared ``Content-Length`` over the limit is refused before the body is read; a
    body without one (chunked) is read up to the limit and refused as soon as it passes
    it. A body within the limit is handed on to the app unchanged.
    """

    def __init__(self, app: Any, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def _refuse(self, scope: Any, receive: Any, send: Any) -> None:
        from starlette.responses import JSONResponse

        message = f"the body is larger than {self.max_body_bytes:,} bytes"
        response = JSONResponse(_error_body("body", message, "body_too_large"), status_code=413,
                                headers={"Connection": "close"})
        await response(scope, receive, send)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"").decode("latin-1").strip()
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._refuse(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Any:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def create_app(model: Any = None, *, threshold: float = DEFAULT_THRESHOLD,
               model_name: str = "risknet-default-logreg",
               max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """Build the prediction service around a fitted model (the app factory).

    Parameters
    ----------
    model : fitted estimator or None, default None
        Anything with ``predict_proba(DataFrame)`` whose column 1 is the probability of
        default, such as :func:`train_model`'s pipeline. None trains
        :func:`default_model`.
    threshold : float, default 0.10
        Probability at or above which the decision is ``"refer"``; between 0 and 1.
    model_name : str
        Name reported by ``GET /metadata``.
    max_body_bytes : int, default 1 MiB
        Largest request body accepted; larger ones get 413.

    Returns
    -------
    fastapi.FastAPI
        The app. Routes: ``GET /health``, ``GET /metadata``, ``POST /predict``,
        ``POST /predict/batch``, ``/docs`` and ``/openapi.json``. Every error response
        is JSON ``{"detail": [{"field", "msg", "type", "loc"}, ...]}`` whose ``field``
        names the offending field (``"instances[3].age"``, or ``"body"`` for the body as
        a whole); inputs are never echoed back.

    Raises
    ------
    TypeError, ValueError
        For an argument of the wrong type or out of range.

    Examples
    --------
    >>> app = create_app(train_model(make_loans(2_000, seed=1)))
    >>> sorted(route.path for route in app.routes if not route.path.startswith("/docs"))
    ['/health', '/metadata', '/openapi.json', '/predict', '/predict/batch', '/redoc']

    """
    import sklearn
    from fastapi import FastAPI, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
    from starlette.exceptions import HTTPException as StarletteHTTPException

    threshold = check_real(threshold, "threshold", low=0.0, high=1.0)
    check_text(model_name, "model_name")
    max_body_bytes = check_int(max_body_bytes, "max_body_bytes", minimum=1_024)
    if model is None:
        model = default_model()
    if not callable(getattr(model, "predict_proba", None)):
        raise TypeError(f"model must have a predict_proba method, got {type(model).__name__}")
    version = model_version(model)
    info = ModelInfo(
        model_name=model_name, model_version=version, model_class=type(model).__name__,
        threshold=threshold, max_batch=MAX_BATCH, max_body_bytes=max_body_bytes,
        sklearn_version=sklearn.__version__,
        features=[FeatureInfo(name=name, description=LOAN_COLUMNS[name],
                              kind="numeric" if name in NUMERIC_FEATURES else "categorical")
                  for name in FEATURES])


    app = FastAPI(
        title="RiskNet loan-default service",
        version=version,
        description="Scores loan applications with RiskNet's default-risk model. "
                    "Course: MLOps, week 07 (deployment).",
    )
    app.add_middleware(_BodyLimit, max_body_bytes=max_body_bytes)

    def score(applications: Sequence[LoanApplication]) -> list[Prediction]:
        probabilities = model.predict_proba(applications_to_frame(applications))[:, 1]
        return [Prediction(request_id=a.request_id, probability_of_default=float(p),
                           decision="refer" if p >= threshold else "approve",
                           model_version=version)
                for a, p in zip(applications, probabilities, strict=True)]

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        return JSONResponse(status_code=422,
                            content={"detail": _validation_problems(error.errors())})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        field = _HTTP_ERROR_FIELDS.get(error.status_code, "request")
        message = str(error.detail)
        if error.status_code == 400:
            message = "the body could not be read as JSON"
        return JSONResponse(status_code=error.status_code,
                            headers=getattr(error, "headers", None),
                            content=_error_body(field, message, "http_error"))

    # The handlers are coroutines: the model answers in milliseconds, so it runs on the
    # event loop itself, without a hop to (and a lingering pool of) worker threads. A
    # slow model would be a plain `def` (FastAPI runs those in a thread pool).
    @app.get("/health", summary="Is the service up?")
    async def health() -> dict[str, str]:
        return {"status": "ok", "model_version": version}

    @app.get("/metadata", summary="Which model answers, and its inputs")
    async def metadata() -> ModelInfo:
        return info

    @app.post("/predict", summary="Score one application")
    async def predict(application: LoanApplication) -> Prediction:
        return score([application])[0]

    @app.post("/predict/batch", summary=f"Score up to {MAX_BATCH:,} applications")
    async def predict_batch(batch: BatchRequest) -> BatchPrediction:
        return BatchPrediction(predictions=score(batch.instances), model_version=version)

    return app


# ----------------------------------------------------------------------------- running it
@dataclass(frozen=True)
class RunningService:
    """Where a started service listens.

    Attributes
    ----------
    url : str
        Base URL, e.g. ``"http://127.0.0.1:41873"``.
    host : str
        The address it is bound to.
    port : int
        The port the operating system chose (or the one asked for).
    """

    url: str
    host: str
    port: int


def _health_status(host: str, port: int, timeout: float) -> int | None:
    """HTTP status of ``GET /health``, or None if nothing answers yet."""
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request("GET", "/health")
        return connection.getresponse().status
    except OSError:
        return None
    finally:
        connection.close()


def wait_until_ready(host: str, port: int, *, timeout: float = 30.0,
                     alive: Callable[[], str | None] | None = None) -> None:
    """Wait until ``GET /health`` on ``host:port`` answers 200.

    Parameters
    ----------
    host : str
        The service's address.
    port : int
        Its port.
    timeout : float, default 30
        Seconds to wait at most.
    alive : callable or None
        Called between attempts; returns a message (str) if the service died, so that
        the wait stops at once with that message, else None.

    Raises
    ------
    RuntimeError
        If the service died, or did not answer within ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    pause = 0.01
    while True:
        if alive is not None and (problem := alive()):
            raise RuntimeError(f"the service on {host}:{port} stopped before it was ready: "
                               f"{problem}")
        status = _health_status(host, port, timeout=2.0)
        if status == 200:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"the service on {host}:{port} did not answer GET /health with 200 within "
                f"{timeout:g} s (last answer: {status or 'no connection'})")
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _bound_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: the system picks a free one).

    Created with ``proto=IPPROTO_TCP`` so that asyncio sets TCP_NODELAY on the
    connections it accepts: without it, a response written in two parts waits for the
    client's delayed acknowledgement, about 40 ms per request on Linux.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as error:
        sock.close()
        raise OSError(f"cannot listen on {host}:{port}: {error.strerror or error}") from error
    return sock


def _check_host(host: str) -> str:
    check_text(host, "host")
    return host


@contextlib.contextmanager
def serve_in_thread(app: Any, *, host: str = "127.0.0.1", port: int = 0,
                    ready_timeout: float = 30.0) -> Iterator[RunningService]:
    """Serve ``app`` with uvicorn in a background thread for the ``with`` block.

    The socket is bound before the thread starts (``port=0``: the operating system
    picks a free port), the block starts once ``GET /health`` answers, and on leaving
    the block, normally or by an exception, the server shuts down and the thread is
    joined: nothing is left running.

    Parameters
    ----------
    app : ASGI app
        Usually :func:`create_app`'s.
    host : str, default "127.0.0.1"
        Address to bind: keep the loopback address unless the service must be reachable
        from other machines.
    port : int, default 0
        Port to bind; 0 lets the operating system choose a free one.
    ready_timeout : float, default 30
        Seconds to wait for the service to answer.

    Yields
    ------
    RunningService
        Its URL, host and port.

    Raises
    ------
    OSError
        If the address cannot be bound.
    RuntimeError
        If the service does not become ready in time.

    Examples
    --------
    >>> import json, urllib.request
    >>> app = create_app(train_model(make_loans(2_000, seed=1)))
    >>> with serve_in_thread(app) as service:
    ...     with urllib.request.urlopen(service.url + "/health") as response:
    ...         print(response.status, json.load(response)["status"])
    200 ok
    >>> any(t.name.startswith("uvicorn-") for t in threading.enumerate())
    False

    """
    import uvicorn

    host = _check_host(host)
    port = check_int(port, "port", minimum=0, maximum=65_535)
    check_real(ready_timeout, "ready_timeout", low=0.0, low_inclusive=False)
    sock = _bound_socket(host, port)
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_config=None, log_level="warning", access_log=False,
                            lifespan="off", http="h11", ws="none", loop="asyncio")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]},
                              name=f"uvicorn-{port}", daemon=True)
    thread.start()
    try:
        wait_until_ready(host, port, timeout=ready_timeout,
                         alive=lambda: None if thread.is_alive() else "its thread ended")
        yield RunningService(url=f"http://{host}:{port}", host=host, port=port)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        if thread.is_alive():
            server.force_exit = True
            thread.join(timeout=5)
        sock.close()
        if thread.is_alive():  # pragma: no cover - uvicorn ignored both requests
            warnings.warn(f"the service thread on port {port} did not stop", stacklevel=3)


@contextlib.contextmanager
def serve_in_subprocess(args: Sequence[str] = (), *, host: str = "127.0.0.1",
                        ready_timeout: float = 60.0,
                        command: Sequence[str] | None = None) -> Iterator[RunningService]:
    """Run ``python -m helpers.serving`` in a child process for the ``with`` block.

    The child binds ``host`` on a port the operating system chooses (``--port 0``) and
    prints its URL; the block starts once ``GET /health`` answers. On leaving the
    block the child gets SIGTERM (uvicorn's graceful shutdown), then SIGKILL if it has
    not exited within 10 s.

    Parameters
    ----------
    args : sequence of str
        Extra command-line arguments, e.g. ``["--model", "model.skops"]``.
    host : str, default "127.0.0.1"
        Address the child binds.
    ready_timeout : float, default 60
        Seconds to wait for it to answer (it trains or loads the model first).
    command : sequence of str or None
        The whole command instead of ``[python, -m, helpers.serving, --host, HOST,
        --port, 0, *args]``; it must print the URL line and listen where it says.

    Yields
    ------
    RunningService
        Its URL, host and port.

    Raises
    ------
    RuntimeError
        If the child exits or does not answer in time; the message holds the end of its
        output.
    """
    host = _check_host(host)
    check_real(ready_timeout, "ready_timeout", low=0.0, low_inclusive=False)
    argv = list(command) if command is not None else [
        sys.executable, "-m", "helpers.serving", "--host", host, "--port", "0", *args]
    with tempfile.TemporaryFile(mode="w+b") as log:
        child = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT,
                                 stdin=subprocess.DEVNULL)

        def output() -> str:
            log.seek(0)
            text = log.read().decode("utf-8", "replace")
            return text[-2_000:]

        try:
            deadline = time.monotonic() + ready_timeout
            port = None
            while port is None:
                found = _URL_PATTERN.search(output())
                if found:
                    port = int(found.group(1))
                if port is not None:
                    break
                if child.poll() is not None:
                    raise RuntimeError(f"the service exited with code {child.returncode} "
                                       f"before it was ready; its output:\n{output()}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the service printed no URL within {ready_timeout:g} "
                                       f"s; its output:\n{output()}")
                time.sleep(0.05)
            left = max(1.0, deadline - time.monotonic())

            def alive() -> str | None:
                if child.poll() is None:
                    return None
                return f"exit code {child.returncode}; its output:\n{output()}"

            wait_until_ready(host, port, timeout=left, alive=alive)
            yield RunningService(url=f"http://{host}:{port}", host=host, port=port)
        finally:
            if child.poll() is None:
                child.terminate()
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()
                    child.wait()


_URL_LINE = "RiskNet loan service on "
_URL_PATTERN = re.compile(re.escape(_URL_LINE) + r"http://[^\s/]+:(\d+)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.serving",
        description="Serve RiskNet's loan-default model over HTTP (FastAPI + uvicorn).")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1; 0.0.0.0 in a container)")
    parser.add_argument("--port", type=int, default=8000,
                        help="port (default 8000; 0 lets the system choose a free one)")
    parser.add_argument("--model", type=Path, default=None,
                        help="a .skops file written by --export (default: train the default "
                             "model at start-up)")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD,
                        help=f"refer applications at or above this probability "
                             f"(default {DEFAULT_THRESHOLD})")
    parser.add_argument("--export", type=Path, default=None, metavar="PATH",
                        help="train the default model, save it to PATH (.skops) and exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: serve the model, or export the default model (``--export``)."""
    args = _parser().parse_args(argv)
    if args.export is not None:
        path = save_model(default_model(), args.export)
        print(f"saved the default model to {path} ({path.stat().st_size:,} bytes)")
        return 0
    import uvicorn

    model = load_model(args.model) if args.model is not None else default_model()
    app = create_app(model, threshold=args.threshold)
    sock = _bound_socket(args.host, args.port)
    host, port = sock.getsockname()[:2]
    print(f"{_URL_LINE}http://{host}:{port} (interactive docs: http://{host}:{port}/docs; "
          "stop with Ctrl+C)", flush=True)
    config = uvicorn.Config(app, log_level="info", lifespan="off", http="h11", ws="none",
                            loop="asyncio")
    uvicorn.Server(config).run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
