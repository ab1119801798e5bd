# Right: the gold labels reindexed onto every row of batches (NaN where unchecked).
import numpy as np
import pandas as pd


def source_agreement(batches, gold):
    gold_on_rows = gold.reindex(batches.index)
    checked = gold_on_rows.notna()
    agree = (batches["label"] == gold_on_rows) & checked
    grouped = pd.DataFrame({"source": batches["source"], "checked": checked, "agree": agree})
    totals = grouped.groupby("source").sum().sort_index()
    n_checked = totals["checked"].astype(int)
    agreement = (totals["agree"] / n_checked.replace(0, np.nan)).astype(float)
    return pd.DataFrame({"n_checked": n_checked, "agreement": agreement})
