# Right: one pass over the file's columns, keeping those any feature (or the target) uses.
def columns_to_read(file_columns, feature_sources, target):
    wanted = [target] + [name for sources in feature_sources.values() for name in sources]
    absent = [name for name in wanted if name not in file_columns]
    if absent:
        raise ValueError("missing column(s): " + ", ".join(dict.fromkeys(absent)))
    return [name for name in file_columns
            if name == target or any(name in sources for sources in feature_sources.values())]
