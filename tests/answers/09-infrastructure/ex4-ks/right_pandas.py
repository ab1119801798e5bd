# Right: pandas value counts on the pooled values, then the largest gap of the cumulative shares.
import pandas as pd


def ks_statistic(reference, current):
    left = pd.Series(list(reference), dtype=float).value_counts(normalize=True)
    right = pd.Series(list(current), dtype=float).value_counts(normalize=True)
    both = pd.concat([left, right], axis=1, keys=["a", "b"]).fillna(0.0).sort_index()
    return float((both["a"].cumsum() - both["b"].cumsum()).abs().max())
