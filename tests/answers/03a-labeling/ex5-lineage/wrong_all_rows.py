# Wrong: divides the matches by all rows of the source, not by its gold-checked rows.
# Fails with: divide by the number of gold rows
import numpy as np
import pandas as pd


def source_agreement(batches, gold):
    checked = batches.loc[gold.index]
    matches = (checked["label"] == gold).groupby(checked["source"]).sum()
    sources = sorted(batches["source"].unique())
    sizes = batches["source"].value_counts().reindex(sources)
    n_checked = checked["source"].value_counts().reindex(sources, fill_value=0)
    agreement = matches.reindex(sources) / sizes
    agreement[n_checked == 0] = np.nan
    return pd.DataFrame({"n_checked": n_checked.astype(int), "agreement": agreement})
