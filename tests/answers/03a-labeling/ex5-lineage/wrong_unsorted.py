# Wrong: right numbers, but the sources come in order of first appearance, not sorted.
# Fails with: sorted by name, including sources
import numpy as np
import pandas as pd


def source_agreement(batches, gold):
    checked = batches.loc[gold.index]
    rows = {}
    for source in batches["source"].unique():  # order of appearance
        mine = checked["source"] == source
        agree = checked.loc[mine, "label"] == gold[mine]
        rows[source] = (int(mine.sum()), float(agree.mean()) if mine.any() else np.nan)
    return pd.DataFrame.from_dict(rows, orient="index", columns=["n_checked", "agreement"])
