# Wrong: right columns, but `needed += more` extends the caller's first list of sources in
# place (needed is that very list, not a copy).
# Fails with: changed its argument `feature_sources`
def columns_to_read(file_columns, feature_sources, target):
    lists = list(feature_sources.values())
    needed = lists[0]
    for more in lists[1:]:
        needed += more
    needed.append(target)
    missing = [name for name in needed if name not in file_columns]
    if missing:
        raise ValueError(f"not in the file: {missing}")
    return [name for name in file_columns if name in needed]
