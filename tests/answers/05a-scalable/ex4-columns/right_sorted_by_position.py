# Right: unique names sorted by their position in the file; the first missing one raises.
def columns_to_read(file_columns, feature_sources, target):
    position = {name: number for number, name in enumerate(file_columns)}
    wanted = [target] + [name for sources in feature_sources.values() for name in sources]
    for name in wanted:
        if name not in position:
            raise ValueError(f"column {name!r} is not in the file")
    return sorted(set(wanted), key=position.__getitem__)
