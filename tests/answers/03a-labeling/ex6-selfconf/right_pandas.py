# Right: pandas, with the labels' index reset so that rows are matched by position.
import numpy as np
import pandas as pd


def low_confidence_rows(labels, pred_probs, *, threshold):
    given = pd.Series(labels).reset_index(drop=True)
    probs = pd.DataFrame(pred_probs)
    own = pd.Series([probs.iat[i, int(c)] for i, c in given.items()])
    return own.index[own < threshold].to_numpy(dtype=np.int64)
