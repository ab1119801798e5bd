# Right: for each source, intersect its row labels with the gold index (no joins).
import math

import pandas as pd


def source_agreement(batches, gold):
    rows = []
    names = sorted(batches["source"].unique())
    for name in names:
        mine = batches.index[batches["source"] == name]
        checked = mine.intersection(gold.index)
        agree = (batches.loc[checked, "label"] == gold.loc[checked]).sum()
        rows.append((len(checked), agree / len(checked) if len(checked) else math.nan))
    table = pd.DataFrame(rows, index=names, columns=["n_checked", "agreement"])
    return table.astype({"n_checked": int, "agreement": float})
