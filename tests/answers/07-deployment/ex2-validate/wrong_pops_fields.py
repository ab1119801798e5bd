# Wrong: right answers, but it pops the fields it has checked out of the caller's record.
# Fails with: changed its argument
import math


def find_invalid_fields(record, schema):
    bad = set()
    for name, spec in schema.items():
        if name not in record:
            bad.add(name)
            continue
        value = record.pop(name)  # what is left at the end are the unexpected fields
        if value is None:
            if not spec.get("nullable", False):
                bad.add(name)
            continue
        kind = spec["type"]
        if isinstance(value, bool) or (kind == "int" and type(value) is not int) or (
                kind == "float" and (type(value) not in (int, float) or not math.isfinite(value))
        ) or (kind == "str" and type(value) is not str):
            bad.add(name)
        elif ("min" in spec and value < spec["min"]) or ("max" in spec and value > spec["max"]):
            bad.add(name)
        elif "values" in spec and value not in spec["values"]:
            bad.add(name)
    return sorted(bad | set(record))
