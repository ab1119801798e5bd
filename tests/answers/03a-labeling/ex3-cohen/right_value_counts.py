# Right: label shares with pandas value_counts, multiplied with index alignment; the
# undefined case detected as "one single label overall".
import numpy as np
import pandas as pd


def cohen_kappa(rater_a, rater_b):
    a, b = np.asarray(rater_a), np.asarray(rater_b)
    if len(set(a.tolist()) | set(b.tolist())) == 1:
        return float("nan")
    share_a = pd.Series(a).value_counts(normalize=True)
    share_b = pd.Series(b).value_counts(normalize=True)
    p_e = float(share_a.mul(share_b, fill_value=0.0).sum())
    p_o = float((a == b).mean())
    return (p_o - p_e) / (1.0 - p_e)
