# Right: builds a strict pydantic model from the schema and reads the fields from its errors.
import math
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, ConfigDict, ValidationError, create_model


def _exact_type(kind):
    def check(value):
        if value is None:
            return value
        ok = {"int": lambda v: type(v) is int,
              "float": lambda v: type(v) in (int, float) and math.isfinite(v),
              "str": lambda v: type(v) is str}[kind](value)
        if not ok:
            raise ValueError(f"not a {kind}")
        return value
    return check


def _limits(spec):
    def check(value):
        if value is None:
            return value
        if "min" in spec and value < spec["min"]:
            raise ValueError("below min")
        if "max" in spec and value > spec["max"]:
            raise ValueError("above max")
        if "values" in spec and value not in spec["values"]:
            raise ValueError("not allowed")
        return value
    return check


def find_invalid_fields(record, schema):
    fields = {}
    for name, spec in schema.items():
        if not spec.get("nullable", False):
            def refuse_none(value):
                if value is None:
                    raise ValueError("null")
                return value
            checks = [BeforeValidator(refuse_none)]
        else:
            checks = []
        fields[name] = (Annotated[Any, *checks, BeforeValidator(_exact_type(spec["type"])),
                                  AfterValidator(_limits(spec))], ...)
    model = create_model("Record", __config__=ConfigDict(extra="forbid"), **fields)
    try:
        model.model_validate(record)
    except ValidationError as error:
        return sorted({str(problem["loc"][0]) for problem in error.errors()})
    return []
