"""Error answers that name the field: the same JSON shape for every refusal.

Every error the service sends is ``{"detail": [{"field", "msg", "type", "loc"}, ...]}``.
``field`` names what is wrong in the client's terms (``"instances[3].age"``, or
``"body"`` for the body as a whole); the offending value is never echoed back.

:func:`field_name`
    A pydantic error location as a field name.
:func:`validation_problems`
    pydantic's validation errors (FastAPI's 422) as problems with their field.
:func:`error_body`
    The body of any other error (400, 404, 405, 413).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["HTTP_ERROR_FIELDS", "error_body", "field_name", "validation_problems"]


def field_name(loc: Sequence[Any]) -> str:
    """A pydantic error location as the name of a field.

    Examples
    --------
    >>> field_name(("body", "instances", 3, "age"))
    'instances[3].age'
    >>> field_name(("body",)), field_name(("body", "credit_score"))
    ('body', 'credit_score')

    """
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


def validation_problems(errors: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The errors of a failed validation, each with the ``field`` it concerns.

    ``input`` and ``ctx`` are dropped, so nothing the client sent comes back; invalid
    JSON and a body that is not an object get messages of their own.
    """
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
        problems.append({"field": field_name(loc), "msg": message,
                         "type": str(error.get("type", "value_error")),
                         "loc": [str(part) if not isinstance(part, int) else part
                                 for part in loc]})
    return problems


#: The field named by an HTTP error that is not about one field.
HTTP_ERROR_FIELDS = {400: "body", 404: "path", 405: "method", 413: "body"}


def error_body(field: str, message: str, kind: str) -> dict[str, Any]:
    """The JSON body of an error about ``field``.

    Examples
    --------
    >>> error_body("body", "the body is too large", "body_too_large")["detail"][0]["field"]
    'body'

    """
    return {"detail": [{"field": field, "msg": message, "type": kind, "loc": [field]}]}

