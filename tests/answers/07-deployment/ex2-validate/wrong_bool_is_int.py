# Wrong: isinstance(value, int) accepts True and False as numbers.
# Fails with: bool
import math


def find_invalid_fields(record, schema):
    bad = set(record) - set(schema)
    for name, spec in schema.items():
        value = record.get(name, "<missing>")
        if value == "<missing>" and name not in record:
            bad.add(name)
            continue
        if value is None:
            if not spec.get("nullable", False):
                bad.add(name)
            continue
        types = {"int": int, "float": (int, float), "str": str}[spec["type"]]
        if not isinstance(value, types):
            bad.add(name)
        elif isinstance(value, float) and not math.isfinite(value):
            bad.add(name)
        elif "min" in spec and value < spec["min"]:
            bad.add(name)
        elif "max" in spec and value > spec["max"]:
            bad.add(name)
        elif "values" in spec and value not in spec["values"]:
            bad.add(name)
    return sorted(bad)
