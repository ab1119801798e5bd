# Right: Python's statistics module (median, pstdev = ddof 0), one column and one value at a time.
import math
import statistics

import pandas as pd


def impute_and_scale(train, test, columns):
    fitted = {}
    for name in columns:
        seen = [float(v) for v in train[name] if not math.isnan(v)]
        middle = statistics.median(seen)
        filled = [middle if math.isnan(v) else float(v) for v in train[name]]
        spread = statistics.pstdev(filled)
        fitted[name] = (middle, statistics.fmean(filled), spread if spread != 0 else 1.0)

    def apply(frame):
        out = {}
        for name in columns:
            middle, centre, spread = fitted[name]
            out[name] = [((middle if math.isnan(v) else float(v)) - centre) / spread
                         for v in frame[name]]
        for name in columns:
            out[f"{name}_missing"] = [1.0 if math.isnan(v) else 0.0 for v in frame[name]]
        return pd.DataFrame(out, index=frame.index)

    return apply(train), apply(test)
