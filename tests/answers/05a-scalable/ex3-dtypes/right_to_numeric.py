# Right: pd.to_numeric(downcast="integer") for integers; an exact round-trip test for floats.
import numpy as np
import pandas as pd


def shrink_dtypes(df):
    parts = {}
    for name, column in df.items():
        if pd.api.types.is_signed_integer_dtype(column.dtype):
            parts[name] = pd.to_numeric(column, downcast="integer")
        elif column.dtype == np.float64:
            with np.errstate(over="ignore"):
                as32 = column.astype(np.float32)
            same = (as32.astype(np.float64) == column) | (as32.isna() & column.isna())
            parts[name] = as32 if bool(same.all()) else column.copy()
        elif (pd.api.types.is_string_dtype(column.dtype)
              and not isinstance(column.dtype, pd.CategoricalDtype)
              and 2 * column.dropna().nunique() <= len(column)):
            parts[name] = column.astype("category")
        else:
            parts[name] = column.copy()
    return pd.DataFrame(parts, index=df.index)
