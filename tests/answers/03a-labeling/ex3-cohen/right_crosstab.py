# Right: pd.crosstab on plain arrays (not on Series, which it would align by index).
import numpy as np
import pandas as pd


def cohen_kappa(rater_a, rater_b):
    table = pd.crosstab(np.asarray(rater_a), np.asarray(rater_b))
    categories = table.index.union(table.columns)
    table = table.reindex(index=categories, columns=categories, fill_value=0)
    shares = table.to_numpy() / table.to_numpy().sum()
    p_o = np.trace(shares)
    p_e = (shares.sum(axis=1) * shares.sum(axis=0)).sum()
    return float("nan") if p_e == 1 else float((p_o - p_e) / (1 - p_e))
