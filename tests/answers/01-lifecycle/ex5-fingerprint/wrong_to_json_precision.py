# Wrong: hashes the names, the dtypes and df.to_json(), which writes floats with only 10
# significant digits by default: a change in the last digits of a float goes unnoticed.
# Fails with: in its last digits
import hashlib


def fingerprint(df):
    header = repr([(str(name), str(dtype)) for name, dtype in df.dtypes.items()])
    body = df.to_json(orient="values", date_unit="ns")
    return hashlib.sha256((header + body).encode()).hexdigest()
