# Wrong: keeps float32 when np.allclose says the values are close, which accepts 0.3 -> 0.30000001.
import numpy as np
import pandas as pd


def shrink_dtypes(df):
    parts = {}
    for name, column in df.items():
        if pd.api.types.is_signed_integer_dtype(column.dtype):
            parts[name] = pd.to_numeric(column, downcast="integer")
        elif column.dtype == np.float64:
            with np.errstate(over="ignore", invalid="ignore"):
                as32 = column.astype(np.float32)
                close = np.allclose(as32.to_numpy(np.float64), column.to_numpy(), equal_nan=True)
            parts[name] = as32 if close else column
        elif pd.api.types.is_string_dtype(column.dtype) and not isinstance(
                column.dtype, pd.CategoricalDtype) and 2 * column.nunique() <= len(column):
            parts[name] = column.astype("category")
        else:
            parts[name] = column
    return pd.DataFrame(parts, index=df.index)
