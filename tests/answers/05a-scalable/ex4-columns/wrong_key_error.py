# Wrong: raises KeyError (from a dict lookup) instead of ValueError for a missing column.
def columns_to_read(file_columns, feature_sources, target):
    position = {name: number for number, name in enumerate(file_columns)}
    needed = {target}.union(*map(set, feature_sources.values()))
    return sorted(needed, key=lambda name: position[name])
