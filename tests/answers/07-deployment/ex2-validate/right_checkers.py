# Right: one checker per type that raises ValueError, and a collector that catches it.
import math
import numbers


def _check_int(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("not an int")


def _check_float(value):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError("not a number")
    if isinstance(value, numbers.Integral):
        return
    if not math.isfinite(value):
        raise ValueError("not finite")


def _check_str(value):
    if not isinstance(value, str):
        raise ValueError("not a string")


_CHECKERS = {"int": _check_int, "float": _check_float, "str": _check_str}


def _check(value, spec):
    if value is None:
        if not spec.get("nullable"):
            raise ValueError("null")
        return
    _CHECKERS[spec["type"]](value)
    if spec.get("min") is not None and not value >= spec["min"]:
        raise ValueError("too small")
    if spec.get("max") is not None and not value <= spec["max"]:
        raise ValueError("too large")
    if "values" in spec and value not in spec["values"]:
        raise ValueError("not allowed")


def find_invalid_fields(record, schema):
    bad = {name for name in record if name not in schema}
    for name, spec in schema.items():
        try:
            if name not in record:
                raise ValueError("missing")
            _check(record[name], spec)
        except ValueError:
            bad.add(name)
    return sorted(bad)
