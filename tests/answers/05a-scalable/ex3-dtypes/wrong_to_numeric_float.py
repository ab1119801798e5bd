# Wrong: pd.to_numeric(downcast="float") turns every float64 column into float32,
# changing values such as 0.3 (pandas does not check that the values survive).
import pandas as pd


def shrink_dtypes(df):
    parts = {}
    for name, column in df.items():
        if pd.api.types.is_signed_integer_dtype(column.dtype):
            parts[name] = pd.to_numeric(column, downcast="integer")
        elif column.dtype == "float64":
            parts[name] = pd.to_numeric(column, downcast="float")
        elif pd.api.types.is_string_dtype(column.dtype) and not isinstance(
                column.dtype, pd.CategoricalDtype) and 2 * column.nunique() <= len(column):
            parts[name] = column.astype("category")
        else:
            parts[name] = column
    return pd.DataFrame(parts, index=df.index)
