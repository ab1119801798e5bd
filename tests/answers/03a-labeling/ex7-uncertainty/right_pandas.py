# Right: pandas' nsmallest keeps the first occurrences among ties and returns them in order.
import numpy as np
import pandas as pd


def uncertainty_sample(pred_probs, k, *, labeled):
    top = pd.Series(np.asarray(pred_probs).max(axis=1))
    free = top.drop(index=[int(i) for i in labeled])
    return free.nsmallest(k, keep="first").index.to_numpy(dtype=np.int64)
