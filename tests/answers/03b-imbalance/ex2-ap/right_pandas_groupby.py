# Right: group the rows by score with pandas, then cumulative counts from the top score down.
import numpy as np
import pandas as pd


def average_precision(y_true, scores):
    table = pd.DataFrame({"score": np.asarray(scores, dtype=float),
                          "positive": np.asarray(y_true).astype(int)})
    if table["positive"].sum() == 0:
        return 0.0
    steps = table.groupby("score")["positive"].agg(["sum", "count"]).sort_index(
        ascending=False)
    hits = steps["sum"].cumsum()
    flagged = steps["count"].cumsum()
    recall = hits / table["positive"].sum()
    gained = recall.diff().fillna(recall.iloc[0])
    return float((gained * hits / flagged).sum())
