# Wrong: groupby(...).sample(frac=...) rounds small strata to 0 rows.
def stratified_sample(df, by, frac, *, seed):
    return df.groupby(by, observed=True).sample(frac=frac, random_state=seed)
