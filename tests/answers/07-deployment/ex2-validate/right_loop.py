# Right: one loop over the schema and one over the record, with exact type() checks.
import math


def find_invalid_fields(record, schema):
    problems = []
    for name in record:
        if name not in schema:
            problems.append(name)
    for name, spec in schema.items():
        if name not in record:
            problems.append(name)
            continue
        value = record[name]
        if value is None:
            if not spec.get("nullable", False):
                problems.append(name)
            continue
        kind = spec["type"]
        if kind == "int":
            ok = type(value) is int
        elif kind == "float":
            ok = type(value) in (int, float) and math.isfinite(value)
        else:
            ok = type(value) is str
        if ok and "min" in spec and value < spec["min"]:
            ok = False
        if ok and "max" in spec and value > spec["max"]:
            ok = False
        if ok and "values" in spec and value not in spec["values"]:
            ok = False
        if not ok:
            problems.append(name)
    return sorted(problems)
