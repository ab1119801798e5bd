# Wrong: checks the range with < and >, which NaN passes (every comparison with NaN is False).
# Fails with: NaN
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
        if isinstance(value, bool):
            bad.add(name)
            continue
        types = {"int": (int,), "float": (int, float), "str": (str,)}[spec["type"]]
        if not isinstance(value, types):
            bad.add(name)
        elif "min" in spec and value < spec["min"]:
            bad.add(name)
        elif "max" in spec and value > spec["max"]:
            bad.add(name)
        elif "values" in spec and value not in spec["values"]:
            bad.add(name)
    return sorted(bad)
