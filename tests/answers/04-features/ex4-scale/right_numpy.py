# Right: NumPy nan-aware statistics on the training matrix.
import numpy as np
import pandas as pd


def impute_and_scale(train, test, columns):
    fit_values = train[columns].to_numpy(dtype=float)
    medians = np.nanmedian(fit_values, axis=0)
    filled = np.where(np.isnan(fit_values), medians, fit_values)
    means = filled.mean(axis=0)
    spreads = filled.std(axis=0)
    spreads[spreads == 0] = 1.0
    names = list(columns) + [column + "_missing" for column in columns]

    def apply(frame):
        values = frame[columns].to_numpy(dtype=float)
        missing = np.isnan(values)
        scaled = (np.where(missing, medians, values) - means) / spreads
        return pd.DataFrame(np.hstack([scaled, missing.astype(float)]), index=frame.index,
                            columns=names)

    return apply(train), apply(test)
