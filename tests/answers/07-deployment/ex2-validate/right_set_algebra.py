# Right: set algebra for missing and unexpected fields, a predicate for the values.
import math


def _valid(value, spec):
    if value is None:
        return bool(spec.get("nullable", False))
    if isinstance(value, bool):
        return False
    expected = {"int": (int,), "float": (int, float), "str": (str,)}[spec["type"]]
    if not isinstance(value, expected):
        return False
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return False
    low, high = spec.get("min", -math.inf), spec.get("max", math.inf)
    if spec["type"] != "str" and not low <= value <= high:
        return False
    return value in spec.get("values", [value])


def find_invalid_fields(record, schema):
    missing = schema.keys() - record.keys()
    unexpected = record.keys() - schema.keys()
    invalid = {name for name in schema.keys() & record.keys()
               if not _valid(record[name], schema[name])}
    return sorted(missing | unexpected | invalid)
