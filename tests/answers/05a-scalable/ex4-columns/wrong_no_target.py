# Wrong: forgets the target column (the model cannot be trained without its labels).
def columns_to_read(file_columns, feature_sources, target):
    needed = set()
    for sources in feature_sources.values():
        needed.update(sources)
    missing = needed - set(file_columns)
    if missing:
        raise ValueError(f"missing columns {sorted(missing)}")
    return [name for name in file_columns if name in needed]
