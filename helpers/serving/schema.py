"""The service's contract: what a client may send, and what it gets back.

:data:`FEATURES` (with :data:`NUMERIC_FEATURES`, :data:`CATEGORICAL_FEATURES` and
:data:`INTEGER_FEATURES`)
    The twelve model inputs of one application, taken from RiskNet's loans table
    (:func:`helpers.data.make_loans`).
:class:`LoanApplication`, :class:`BatchRequest`
    The request schemas (pydantic, strict): unknown fields, text for numbers, missing
    fields and values out of range are refused, and the refusal names the field.
:data:`LOAN_SCHEMA`
    The same rules as plain data (types, bounds, allowed values), for the validator
    exercise of the deployment week.
:class:`Prediction`, :class:`BatchPrediction`, :class:`ModelInfo`
    The response schemas.
:data:`MAX_BATCH`, :data:`MAX_BODY_BYTES`
    The limits of one request.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from helpers.data import (
    HOME_OWNERSHIP_CATEGORIES,
    LOAN_COLUMNS,
    PURPOSE_CATEGORIES,
    REGION_CATEGORIES,
)

__all__ = [
    "CATEGORICAL_FEATURES",
    "EXAMPLE_APPLICATION",
    "FEATURES",
    "INTEGER_FEATURES",
    "LOAN_SCHEMA",
    "MAX_BATCH",
    "MAX_BODY_BYTES",
    "NUMERIC_FEATURES",
    "BatchPrediction",
    "BatchRequest",
    "FeatureInfo",
    "LoanApplication",
    "ModelInfo",
    "Prediction",
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
#: Most applications one batch request may hold.
MAX_BATCH = 1_000
#: Largest request body the service reads, in bytes (1 MiB).
MAX_BODY_BYTES = 1_048_576


def _describe(column: str) -> str:
    return LOAN_COLUMNS[column].split(" (")[0]


def _whole_number(value: Any) -> Any:
    # Before the Literal check of term_months: pydantic's Literal[36, 60] accepts 36.0
    # (36.0 == 36 in Python) even in strict mode; a whole-number field wants a JSON integer.
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


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
    term_months: Annotated[Literal[36, 60], BeforeValidator(_whole_number),
                           Field(description=_describe("term_months"))]
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

