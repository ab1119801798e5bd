# Wrong: right numbers, but it fills the missing values of the caller's train DataFrame.
# Fails with: changed its argument `train`
import pandas as pd


def impute_and_scale(train, test, columns):
    train_flags = train[columns].isna().astype(float).add_suffix("_missing")
    medians = train[columns].median()
    train[columns] = train[columns].fillna(medians)  # writes into the caller's DataFrame
    means, spreads = train[columns].mean(), train[columns].std(ddof=0).replace(0.0, 1.0)
    train_out = pd.concat([(train[columns] - means) / spreads, train_flags], axis=1)
    test_out = pd.concat([(test[columns].fillna(medians) - means) / spreads,
                          test[columns].isna().astype(float).add_suffix("_missing")], axis=1)
    return train_out, test_out
