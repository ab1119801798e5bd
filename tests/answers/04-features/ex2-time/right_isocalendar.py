# Right: ISO weekday from .dt.isocalendar() (Monday = 1, an unsigned nullable dtype) minus 1,
# elapsed days by dividing two Timedeltas.
import numpy as np
import pandas as pd


def time_features(dates, *, reference):
    month = dates.dt.month
    weekday = dates.dt.isocalendar()["day"] - 1
    return pd.DataFrame({
        "month": month,
        "day_of_week": weekday,
        "is_weekend": weekday > 4,
        "month_sin": np.sin((month - 1) * np.pi / 6),
        "month_cos": np.cos((month - 1) * np.pi / 6),
        "days_since_reference": (dates - reference) / np.timedelta64(1, "D"),
    })
