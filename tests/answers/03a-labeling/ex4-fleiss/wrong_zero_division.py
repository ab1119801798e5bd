# Wrong: right wherever kappa is defined, but divides by zero (and raises) when every rating
# is one single category.
# Fails with: not raise an error
def fleiss_kappa(counts):
    rows = [[float(x) for x in row] for row in (counts.values if hasattr(counts, "values")
                                                 else counts)]
    n_items, n = len(rows), sum(rows[0])
    p_bar = sum((sum(x * x for x in row) - n) / (n * (n - 1)) for row in rows) / n_items
    p_e = sum((sum(column) / (n_items * n)) ** 2 for column in zip(*rows, strict=True))
    return (p_bar - p_e) / (1 - p_e)
