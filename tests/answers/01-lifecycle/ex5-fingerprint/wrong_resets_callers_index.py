# Wrong: a correct fingerprint, but it resets the index of the caller's DataFrame in place
# (a side effect invisible on a table whose labels are already 0..n-1).
# Fails with: changed its argument `df`
import hashlib

import pandas as pd


def fingerprint(df):
    df.reset_index(drop=True, inplace=True)
    digest = hashlib.sha256(repr([(str(n), str(t)) for n, t in df.dtypes.items()]).encode())
    digest.update(pd.util.hash_pandas_object(df).to_numpy().tobytes())
    return digest.hexdigest()
