# Right: collects the stream, then pandas' groupby().rolling(closed="left").max() in one batch.
import numpy as np
import pandas as pd


def rolling_max_amount(events, window):
    frame = pd.DataFrame([(e["customer_id"], e["time"], e["amount"]) for e in events],
                         columns=["customer_id", "time", "amount"])
    if frame.empty:
        return []
    frame["when"] = pd.to_datetime(frame["time"], unit="s")
    groups = frame.groupby("customer_id", sort=True)
    rolled = groups.rolling(pd.Timedelta(seconds=window), on="when", closed="left")["amount"]
    positions = np.concatenate([rows for _, rows in sorted(groups.indices.items())])
    result = np.zeros(len(frame))
    result[positions] = np.nan_to_num(rolled.max().to_numpy(), nan=0.0)
    return [float(v) for v in result]
