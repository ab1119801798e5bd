# Right: a loop over the columns with explicit dtype tests and np.iinfo limits.
import numpy as np
import pandas as pd


def shrink_dtypes(df):
    result = df.copy()
    for name in df.columns:
        column = df[name]
        kind = column.dtype
        if isinstance(kind, pd.CategoricalDtype):
            continue
        if kind.kind == "i":
            low, high = int(column.min()), int(column.max())
            for target in ("int8", "int16", "int32", "int64"):
                if np.iinfo(target).min <= low and high <= np.iinfo(target).max:
                    result[name] = column.astype(target)
                    break
        elif kind == "float64":
            with np.errstate(over="ignore"):
                narrow = column.to_numpy().astype("float32")
            if np.array_equal(narrow.astype("float64"), column.to_numpy(), equal_nan=True):
                result[name] = column.astype("float32")
        elif pd.api.types.is_string_dtype(kind):
            if column.nunique() * 2 <= len(df):
                result[name] = column.astype("category")
    return result
