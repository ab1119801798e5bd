# Wrong: concatenates the sources, so a column used by two features is read twice.
def columns_to_read(file_columns, feature_sources, target):
    wanted = [name for sources in feature_sources.values() for name in sources] + [target]
    for name in wanted:
        if name not in file_columns:
            raise ValueError(f"missing column {name}")
    return sorted(wanted, key=file_columns.index)
