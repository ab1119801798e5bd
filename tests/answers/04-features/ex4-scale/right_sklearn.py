# Right: SimpleImputer + StandardScaler + MissingIndicator(features="all"), fitted on train.
import numpy as np
import pandas as pd
from sklearn.impute import MissingIndicator, SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def impute_and_scale(train, test, columns):
    scaler = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    scaler.fit(train[columns])
    flags = MissingIndicator(features="all").fit(train[columns])
    names = list(columns) + [f"{column}_missing" for column in columns]

    def apply(frame):
        values = np.hstack([scaler.transform(frame[columns]),
                            flags.transform(frame[columns]).astype(float)])
        return pd.DataFrame(values, index=frame.index, columns=names)

    return apply(train), apply(test)
