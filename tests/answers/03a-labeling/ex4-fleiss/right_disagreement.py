# Right: kappa = 1 - observed disagreement / chance disagreement, in plain Python.
def fleiss_kappa(counts):
    rows = counts.to_numpy().tolist() if hasattr(counts, "to_numpy") else [list(r) for r in counts]
    n_items, n = len(rows), sum(rows[0])
    agree_pairs = sum(x * (x - 1) for row in rows for x in row)
    disagree_observed = 1 - agree_pairs / (n_items * n * (n - 1))
    totals = [sum(column) for column in zip(*rows, strict=True)]
    disagree_chance = 1 - sum((t / (n_items * n)) ** 2 for t in totals)
    if disagree_chance == 0:
        return float("nan")
    return float(1 - disagree_observed / disagree_chance)
