# Right: select_dtypes picks the column groups; astype with a dict converts them at once.
import numpy as np
import pandas as pd


def smallest_int(column):
    for target in (np.int8, np.int16, np.int32):
        info = np.iinfo(target)
        if column.min() >= info.min and column.max() <= info.max:
            return target
    return np.int64


def shrink_dtypes(df):
    plan = {}
    for name in df.select_dtypes(include=["int8", "int16", "int32", "int64"]).columns:
        plan[name] = smallest_int(df[name])
    for name in df.select_dtypes(include=["float64"]).columns:
        values = df[name].to_numpy()
        with np.errstate(over="ignore"):
            back = values.astype(np.float32).astype(np.float64)
        if np.all((back == values) | (np.isnan(back) & np.isnan(values))):
            plan[name] = np.float32
    for name in df.columns:
        column = df[name]
        if column.dtype == object or isinstance(column.dtype, pd.StringDtype):
            if 2 * column.nunique(dropna=True) <= len(df):
                plan[name] = "category"
    return df.astype(plan)
