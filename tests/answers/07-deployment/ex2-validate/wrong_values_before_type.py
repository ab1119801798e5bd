# Wrong: a value listed in "values" is accepted before its type is checked, so 36.0 passes
# for an int field whose values are [36, 60] (36.0 == 36 in Python).
# Fails with: even when
import math


def find_invalid_fields(record, schema):
    bad = {name for name in record if name not in schema}
    for name, spec in schema.items():
        if name not in record:
            bad.add(name)
            continue
        value = record[name]
        if value is None:
            if not spec.get("nullable", False):
                bad.add(name)
            continue
        if "values" in spec:
            if value not in spec["values"] or isinstance(value, bool):
                bad.add(name)
            continue
        kind = spec["type"]
        if isinstance(value, bool):
            bad.add(name)
        elif kind == "int" and not isinstance(value, int):
            bad.add(name)
        elif kind == "float" and not (isinstance(value, int | float) and math.isfinite(value)):
            bad.add(name)
        elif kind == "str" and not isinstance(value, str):
            bad.add(name)
        elif ("min" in spec and value < spec["min"]) or ("max" in spec and value > spec["max"]):
            bad.add(name)
    return sorted(bad)
