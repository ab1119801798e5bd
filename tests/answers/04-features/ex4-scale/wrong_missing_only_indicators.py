# Wrong: SimpleImputer(add_indicator=True) adds indicators only for columns that had missing
# values in train, not one for every column.
# Fails with: indicator for EVERY column
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler


def impute_and_scale(train, test, columns):
    imputer = SimpleImputer(strategy="median", add_indicator=True).fit(train[columns])
    n = len(columns)
    scaler = StandardScaler().fit(imputer.transform(train[columns])[:, :n])
    flagged = [columns[i] for i in imputer.indicator_.features_]
    names = list(columns) + [f"{column}_missing" for column in flagged]

    def apply(frame):
        values = imputer.transform(frame[columns])
        values = np.hstack([scaler.transform(values[:, :n]), values[:, n:]])
        return pd.DataFrame(values, index=frame.index, columns=names)

    return apply(train), apply(test)
