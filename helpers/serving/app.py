"""The app factory: a FastAPI application around a fitted model.

:func:`create_app`
    ``POST /predict`` (one application), ``POST /predict/batch`` (up to
    :data:`~helpers.serving.schema.MAX_BATCH`), ``GET /health``, ``GET /metadata``, plus
    FastAPI's interactive docs at ``/docs`` and the OpenAPI schema at ``/openapi.json``.
    Every malformed request gets a 4xx naming the field (:mod:`helpers.serving.errors`),
    and a body over the size limit a 413 (:mod:`helpers.serving.body_limit`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from helpers._validation import check_int, check_real, check_text
from helpers.data import LOAN_COLUMNS
from helpers.serving.body_limit import BodyLimit
from helpers.serving.errors import HTTP_ERROR_FIELDS, error_body, validation_problems
from helpers.serving.model import default_model, model_version
from helpers.serving.payloads import applications_to_frame
from helpers.serving.schema import (
    FEATURES,
    MAX_BATCH,
    MAX_BODY_BYTES,
    NUMERIC_FEATURES,
    BatchPrediction,
    BatchRequest,
    FeatureInfo,
    LoanApplication,
    ModelInfo,
    Prediction,
)

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["DEFAULT_THRESHOLD", "create_app"]

#: Probability of default at or above which an application is referred to a person.
DEFAULT_THRESHOLD = 0.10


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
    >>> from helpers.data import make_loans
    >>> from helpers.serving.model import train_model
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
    app.add_middleware(BodyLimit, max_body_bytes=max_body_bytes)

    def score(applications: Sequence[LoanApplication]) -> list[Prediction]:
        probabilities = model.predict_proba(applications_to_frame(applications))[:, 1]
        return [Prediction(request_id=a.request_id, probability_of_default=float(p),
                           decision="refer" if p >= threshold else "approve",
                           model_version=version)
                for a, p in zip(applications, probabilities, strict=True)]

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        return JSONResponse(status_code=422,
                            content={"detail": validation_problems(error.errors())})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        field = HTTP_ERROR_FIELDS.get(error.status_code, "request")
        message = str(error.detail)
        if error.status_code == 400:
            message = "the body could not be read as JSON"
        return JSONResponse(status_code=error.status_code,
                            headers=getattr(error, "headers", None),
                            content=error_body(field, message, "http_error"))

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
