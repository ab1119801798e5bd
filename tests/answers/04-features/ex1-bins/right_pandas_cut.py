# Right: pd.cut with right=False (left-closed bins) and open-ended outer bins.
import numpy as np
import pandas as pd


def assign_bins(values, edges):
    numbers = pd.Series(np.asarray(values, dtype=float))
    bins = [-np.inf, *edges, np.inf]
    codes = pd.cut(numbers, bins=bins, right=False, labels=False)
    return codes.fillna(-1).to_numpy().astype(np.int32)
