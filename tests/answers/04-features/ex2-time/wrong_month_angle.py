# Wrong: sin(2 pi month / 12) shifts every month by one step (January is not (0, 1)).
import numpy as np
import pandas as pd


def time_features(dates, *, reference):
    month = dates.dt.month
    weekday = dates.dt.day_of_week
    return pd.DataFrame({
        "month": month,
        "day_of_week": weekday,
        "is_weekend": weekday >= 5,
        "month_sin": np.sin(2 * np.pi * month / 12),
        "month_cos": np.cos(2 * np.pi * month / 12),
        "days_since_reference": (dates - reference) / pd.Timedelta(days=1),
    }, index=dates.index)
