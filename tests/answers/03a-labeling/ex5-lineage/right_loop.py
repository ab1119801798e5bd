# Right: a loop over the sources and over the gold labels, with .loc lookups by label.
import math

import pandas as pd


def source_agreement(batches, gold):
    sources = sorted(set(batches["source"]))
    n_checked = dict.fromkeys(sources, 0)
    n_agree = dict.fromkeys(sources, 0)
    for row_label, gold_label in gold.items():
        source = batches.loc[row_label, "source"]
        n_checked[source] += 1
        n_agree[source] += int(batches.loc[row_label, "label"] == gold_label)
    return pd.DataFrame(
        {"n_checked": [n_checked[s] for s in sources],
         "agreement": [n_agree[s] / n_checked[s] if n_checked[s] else math.nan
                       for s in sources]},
        index=sources)
