# Wrong: right dtypes, but it converts the caller's DataFrame in place and returns it.
# Fails with: changed its argument `df`
import numpy as np
import pandas as pd


def shrink_dtypes(df):
    for name in list(df.columns):
        column = df[name]
        if pd.api.types.is_signed_integer_dtype(column.dtype):
            df[name] = pd.to_numeric(column, downcast="integer")
        elif column.dtype == np.float64:
            with np.errstate(over="ignore"):
                as32 = column.astype(np.float32)
            if np.array_equal(as32.to_numpy(np.float64), column.to_numpy(), equal_nan=True):
                df[name] = as32
        elif pd.api.types.is_string_dtype(column.dtype) and not isinstance(
                column.dtype, pd.CategoricalDtype) and 2 * column.nunique() <= len(df):
            df[name] = column.astype("category")
    return df
