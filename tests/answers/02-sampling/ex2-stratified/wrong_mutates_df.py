# Wrong: a correct random-key sampler, but it adds its helper column to the caller's df.
# Fails with: changed its argument `df`
import numpy as np


def stratified_sample(df, by, frac, *, seed):
    rng = np.random.default_rng(seed)
    df["_key"] = rng.random(len(df))  # modifies the DataFrame the caller passed in
    chosen = []
    for _, rows in df.groupby(by, sort=False, observed=True):
        n_keep = max(1, int(np.floor(frac * len(rows) + 1e-9)))
        chosen.append(rows.nsmallest(n_keep, "_key"))
    result = df.loc[np.concatenate([part.index.to_numpy() for part in chosen])]
    return result.drop(columns="_key")
