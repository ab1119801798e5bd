# Wrong: pd.cut's default right=True puts a value that equals an edge in the bin below.
import numpy as np
import pandas as pd


def assign_bins(values, edges):
    numbers = pd.Series(np.asarray(values, dtype=float))
    codes = pd.cut(numbers, bins=[-np.inf, *edges, np.inf], labels=False)
    return codes.fillna(-1).to_numpy().astype(int)
