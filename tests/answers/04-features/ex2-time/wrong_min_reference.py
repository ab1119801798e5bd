# Wrong: counts days from the earliest date in the data instead of the fixed reference.
# Fails with: counted from the earliest date
import numpy as np
import pandas as pd


def time_features(dates, *, reference):
    month = dates.dt.month
    weekday = dates.dt.day_of_week
    return pd.DataFrame({
        "month": month,
        "day_of_week": weekday,
        "is_weekend": weekday >= 5,
        "month_sin": np.sin(2 * np.pi * (month - 1) / 12),
        "month_cos": np.cos(2 * np.pi * (month - 1) / 12),
        "days_since_reference": (dates - dates.min()) / pd.Timedelta(days=1),
    }, index=dates.index)
