# Wrong: right features, but it sorts the caller's Series in place first.
# Fails with: changed its argument `dates`
import numpy as np
import pandas as pd


def time_features(dates, *, reference):
    dates.sort_values(inplace=True)
    month = dates.dt.month
    weekday = dates.dt.day_of_week
    return pd.DataFrame({
        "month": month,
        "day_of_week": weekday,
        "is_weekend": weekday >= 5,
        "month_sin": np.sin(2 * np.pi * (month - 1) / 12),
        "month_cos": np.cos(2 * np.pi * (month - 1) / 12),
        "days_since_reference": (dates - reference).dt.total_seconds() / 86_400,
    }, index=dates.index)
