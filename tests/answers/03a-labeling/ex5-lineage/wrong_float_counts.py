# Wrong: right values, but n_checked comes out as floats (reindex fills the missing source
# with NaN, then fillna(0) keeps the float dtype); the contract asks for integer counts.
# Fails with: integer counts
import pandas as pd


def source_agreement(batches, gold):
    checked = batches.loc[gold.index, ["source", "label"]]
    agree = checked["label"] == gold
    sources = sorted(batches["source"].unique())
    summary = agree.groupby(checked["source"]).agg(["size", "mean"]).reindex(sources)
    return pd.DataFrame({"n_checked": summary["size"].fillna(0),
                         "agreement": summary["mean"]})
