# Wrong: Python's built-in hash() of the rows: a decimal number, salted differently in
# every process for strings, so it cannot identify data across runs.
def fingerprint(df):
    rows = tuple(map(tuple, df.astype(str).itertuples(index=False)))
    return str(hash((tuple(map(str, df.columns)), rows)))
