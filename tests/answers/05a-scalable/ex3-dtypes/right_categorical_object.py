# Right: np.min_scalar_type-free integer search with np.iinfo, Series.equals for the float round
# trip, and pd.Categorical built from the values as Python objects.
import numpy as np
import pandas as pd


def shrink_dtypes(df):
    out = {}
    for name, column in df.items():
        kind = column.dtype
        if isinstance(kind, pd.CategoricalDtype) or pd.api.types.is_bool_dtype(kind):
            out[name] = column.copy()
        elif kind in (np.int8, np.int16, np.int32, np.int64):
            low, high = int(column.min()), int(column.max())
            target = next(t for t in ("int8", "int16", "int32", "int64")
                          if np.iinfo(t).min <= low and high <= np.iinfo(t).max)
            out[name] = column.astype(target)
        elif kind == np.float64:
            with np.errstate(over="ignore"):
                narrow = column.astype("float32")
            out[name] = narrow if narrow.astype("float64").equals(column) else column.copy()
        elif pd.api.types.is_object_dtype(kind) or pd.api.types.is_string_dtype(kind):
            if 2 * column.dropna().nunique() <= len(df):
                out[name] = pd.Series(pd.Categorical(column.astype(object)), index=column.index)
            else:
                out[name] = column.copy()
        else:
            out[name] = column.copy()
    return pd.DataFrame(out, index=df.index)
