# Wrong: treats min and max as exclusive bounds, so a value equal to a bound is refused.
import math


def find_invalid_fields(record, schema):
    bad = set(record) - set(schema)
    for name, spec in schema.items():
        if name not in record:
            bad.add(name)
            continue
        value = record[name]
        if value is None:
            if not spec.get("nullable", False):
                bad.add(name)
            continue
        kind = spec["type"]
        if isinstance(value, bool) or (kind == "int" and type(value) is not int) or (
                kind == "float" and (type(value) not in (int, float) or not math.isfinite(value))
        ) or (kind == "str" and type(value) is not str):
            bad.add(name)
        elif ("min" in spec and value <= spec["min"]) or ("max" in spec and value >= spec["max"]):
            bad.add(name)
        elif "values" in spec and value not in spec["values"]:
            bad.add(name)
    return sorted(bad)
