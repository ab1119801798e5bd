# Right: pandas, on a copy of the table as a DataFrame.
import pandas as pd


def fleiss_kappa(counts):
    table = pd.DataFrame(counts).astype(float).reset_index(drop=True)
    n = table.iloc[0].sum()
    p_i = (table.pow(2).sum(axis=1) - n) / (n * (n - 1))
    p_j = table.sum(axis=0) / (len(table) * n)
    p_e = float((p_j**2).sum())
    if p_e == 1.0:
        return float("nan")
    return float((p_i.mean() - p_e) / (1 - p_e))
