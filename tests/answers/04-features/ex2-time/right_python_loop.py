# Right: a loop over the timestamps with Python's datetime methods.
import math

import pandas as pd


def time_features(dates, *, reference):
    rows = []
    for stamp in dates:
        angle = 2 * math.pi * (stamp.month - 1) / 12
        rows.append({
            "month": stamp.month,
            "day_of_week": stamp.weekday(),
            "is_weekend": int(stamp.weekday() >= 5),
            "month_sin": math.sin(angle),
            "month_cos": math.cos(angle),
            "days_since_reference": (stamp - reference).total_seconds() / 86_400,
        })
    return pd.DataFrame(rows, index=dates.index,
                        columns=["month", "day_of_week", "is_weekend", "month_sin", "month_cos",
                                 "days_since_reference"])
