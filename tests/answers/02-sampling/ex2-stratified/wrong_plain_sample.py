# Wrong: a plain simple random sample of the whole table, ignoring the strata.
def stratified_sample(df, by, frac, *, seed):
    return df.sample(frac=frac, random_state=seed)
