# Wrong: stops at the first problem, like a validator that raises, and reports only that field.
import math


def find_invalid_fields(record, schema):
    for name in record:
        if name not in schema:
            return [name]
    for name, spec in schema.items():
        if name not in record:
            return [name]
        value = record[name]
        if value is None:
            if spec.get("nullable", False):
                continue
            return [name]
        if isinstance(value, bool):
            return [name]
        kind = spec["type"]
        if kind == "int" and type(value) is not int:
            return [name]
        if kind == "float" and (type(value) not in (int, float) or not math.isfinite(value)):
            return [name]
        if kind == "str" and type(value) is not str:
            return [name]
        if ("min" in spec and value < spec["min"]) or ("max" in spec and value > spec["max"]):
            return [name]
        if "values" in spec and value not in spec["values"]:
            return [name]
    return []
