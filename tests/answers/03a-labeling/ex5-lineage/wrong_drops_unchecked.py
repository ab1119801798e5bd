# Wrong: an inner join then a groupby: sources without any gold row disappear.
import pandas as pd


def source_agreement(batches, gold):
    joined = batches[["source", "label"]].join(gold.rename("gold_label"), how="inner")
    agree = joined["label"] == joined["gold_label"]
    grouped = agree.groupby(joined["source"])
    return pd.DataFrame({"n_checked": grouped.size().astype(int),
                         "agreement": grouped.mean().astype(float)}).sort_index()
