# Right: an inner join on the index, a groupby, then every source put back with reindex.
import pandas as pd


def source_agreement(batches, gold):
    joined = batches[["source", "label"]].join(gold.rename("gold_label"), how="inner")
    joined["agree"] = joined["label"] == joined["gold_label"]
    sources = sorted(batches["source"].unique())
    summary = joined.groupby("source")["agree"].agg(["size", "mean"]).reindex(sources)
    return pd.DataFrame({"n_checked": summary["size"].fillna(0).astype(int),
                         "agreement": summary["mean"].astype(float)})
