# Wrong: checks the features' columns but not the target, so a file without the label
# gives a shorter list instead of an error.
# Fails with: raise ValueError instead of returning a shorter list
def columns_to_read(file_columns, feature_sources, target):
    needed = set()
    for sources in feature_sources.values():
        needed.update(sources)
    missing = sorted(needed - set(file_columns))
    if missing:
        raise ValueError(f"the file has no column(s) {missing}")
    needed.add(target)
    return [name for name in file_columns if name in needed]
