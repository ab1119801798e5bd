# Wrong: cuts at date quantiles. With distinct timestamps the sizes come out right, but
# when many applications share a date, whole days jump across a boundary and the parts
# get the wrong sizes.
# Fails with: rows (rounded down or up)
def time_split(df, date_column, *, val_fraction, test_fraction):
    dates = df[date_column]
    train_cut = dates.quantile(1 - val_fraction - test_fraction)
    test_cut = dates.quantile(1 - test_fraction)
    return (df[dates < train_cut], df[(dates >= train_cut) & (dates < test_cut)],
            df[dates >= test_cut])
