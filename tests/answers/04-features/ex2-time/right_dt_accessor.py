# Right: the pandas .dt accessor, elapsed time from total_seconds().
import numpy as np
import pandas as pd


def time_features(dates, *, reference):
    month = dates.dt.month
    weekday = dates.dt.weekday
    table = pd.DataFrame(index=dates.index)
    table["month"] = month
    table["day_of_week"] = weekday
    table["is_weekend"] = weekday.isin([5, 6])
    table["month_sin"] = np.sin(2 * np.pi * (month - 1) / 12)
    table["month_cos"] = np.cos(2 * np.pi * (month - 1) / 12)
    table["days_since_reference"] = (dates - reference).dt.total_seconds() / (24 * 60 * 60)
    return table
