# Right: pandas Index operations (isin keeps the file's order).
import pandas as pd


def columns_to_read(file_columns, feature_sources, target):
    needed = pd.Index([target]).append(pd.Index(
        [name for sources in feature_sources.values() for name in sources])).unique()
    columns = pd.Index(file_columns)
    missing = needed.difference(columns)
    if len(missing):
        raise ValueError("the file lacks " + ", ".join(map(str, missing)))
    return columns[columns.isin(needed)].tolist()
