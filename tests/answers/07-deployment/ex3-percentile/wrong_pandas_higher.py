# Wrong: pandas' quantile(interpolation="higher") rounds the position q * (n - 1) up, which
# is not the nearest rank ceil(q * n / 100).
import pandas as pd


def percentile_nearest_rank(values, q):
    return float(pd.Series(list(values), dtype=float).quantile(q / 100, interpolation="higher"))
