# Right: a set of needed names, then the file's columns filtered in order.
def columns_to_read(file_columns, feature_sources, target):
    needed = {target}
    for sources in feature_sources.values():
        needed |= set(sources)
    absent = needed.difference(file_columns)
    if absent:
        raise ValueError(f"missing columns: {sorted(absent)}")
    return [name for name in file_columns if name in needed]
