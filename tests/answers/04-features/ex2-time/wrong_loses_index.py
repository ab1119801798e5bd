# Wrong: builds the table from NumPy arrays, so it gets a fresh 0..n-1 index.
# Fails with: custom, shuffled index
import numpy as np
import pandas as pd


def time_features(dates, *, reference):
    month = dates.dt.month.to_numpy()
    weekday = dates.dt.day_of_week.to_numpy()
    return pd.DataFrame({
        "month": month,
        "day_of_week": weekday,
        "is_weekend": weekday >= 5,
        "month_sin": np.sin(2 * np.pi * (month - 1) / 12),
        "month_cos": np.cos(2 * np.pi * (month - 1) / 12),
        "days_since_reference": ((dates - reference) / pd.Timedelta(days=1)).to_numpy(),
    })
