# Wrong: picks the integer type from the maximum only, so a column with values below
# -128 still becomes int8 (and its negative values wrap around).
import numpy as np
import pandas as pd


def shrink_dtypes(df):
    parts = {}
    for name, column in df.items():
        if pd.api.types.is_signed_integer_dtype(column.dtype):
            for target in (np.int8, np.int16, np.int32, np.int64):
                if column.max() <= np.iinfo(target).max:
                    parts[name] = column.astype(target)
                    break
        elif column.dtype == np.float64:
            with np.errstate(over="ignore"):
                as32 = column.astype(np.float32)
            exact = np.array_equal(as32.to_numpy(np.float64), column.to_numpy(), equal_nan=True)
            parts[name] = as32 if exact else column
        elif pd.api.types.is_string_dtype(column.dtype) and not isinstance(
                column.dtype, pd.CategoricalDtype) and 2 * column.nunique() <= len(column):
            parts[name] = column.astype("category")
        else:
            parts[name] = column
    return pd.DataFrame(parts, index=df.index)
