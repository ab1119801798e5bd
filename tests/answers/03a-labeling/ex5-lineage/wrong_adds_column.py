# Wrong: right values, but it writes the gold labels into the caller's batches.
# Fails with: changed its argument
import pandas as pd


def source_agreement(batches, gold):
    batches["gold_label"] = gold  # aligned by index: NaN for unchecked rows
    checked = batches[batches["gold_label"].notna()]
    agree = checked["label"] == checked["gold_label"]
    sources = sorted(batches["source"].unique())
    return pd.DataFrame({
        "n_checked": checked.groupby("source").size().reindex(sources, fill_value=0).astype(int),
        "agreement": agree.groupby(checked["source"]).mean().reindex(sources).astype(float),
    })
