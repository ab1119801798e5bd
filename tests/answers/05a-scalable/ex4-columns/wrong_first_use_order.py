# Wrong: returns the columns in the order the features list them (then the target),
# which is the file's order only by luck.
# Fails with: in the FILE's order
def columns_to_read(file_columns, feature_sources, target):
    chosen = []
    for sources in feature_sources.values():
        for name in sources:
            if name not in file_columns:
                raise ValueError(f"missing column {name}")
            if name not in chosen:
                chosen.append(name)
    if target not in file_columns:
        raise ValueError(f"missing column {target}")
    if target not in chosen:
        chosen.append(target)
    return chosen
