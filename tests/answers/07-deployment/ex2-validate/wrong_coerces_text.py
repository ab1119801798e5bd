# Wrong: converts with int()/float() first, so "40" and "700" pass as numbers.
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
        try:
            if spec["type"] == "int":
                value = int(value)
            elif spec["type"] == "float":
                value = float(value)
                if not math.isfinite(value):
                    raise ValueError
            elif not isinstance(value, str):
                raise ValueError
        except (TypeError, ValueError):
            bad.add(name)
            continue
        if ("min" in spec and value < spec["min"]) or ("max" in spec and value > spec["max"]):
            bad.add(name)
        elif "values" in spec and value not in spec["values"]:
            bad.add(name)
    return sorted(bad)
