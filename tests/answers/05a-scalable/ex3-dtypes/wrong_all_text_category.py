# Wrong: turns every text column into a categorical, even identifiers with one value per row.
# Fails with: a text column becomes category only when
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
            exact = np.array_equal(as32.to_numpy(np.float64), column.to_numpy(), equal_nan=True)
            parts[name] = as32 if exact else column
        elif pd.api.types.is_string_dtype(column.dtype) and not isinstance(
                column.dtype, pd.CategoricalDtype):
            parts[name] = column.astype("category")
        else:
            parts[name] = column
    return pd.DataFrame(parts, index=df.index)
