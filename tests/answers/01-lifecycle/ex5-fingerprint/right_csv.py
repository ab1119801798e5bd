# Right: SHA-256 of the table written as CSV without its index (floats are written in full
# precision, missing values get a marker no real value has), plus the dtypes.
import hashlib


def fingerprint(df):
    text = df.to_csv(index=False, na_rep="\x00NA\x00", lineterminator="\n")
    dtypes = "|".join(f"{name}:{dtype}" for name, dtype in df.dtypes.items())
    return hashlib.sha256((dtypes + "\n" + text).encode("utf-8")).hexdigest()
