# Wrong: right wherever kappa is defined, but divides by zero (and raises) when both raters
# use one single category.
# Fails with: not raise an error
from collections import Counter


def cohen_kappa(rater_a, rater_b):
    a, b = list(rater_a), list(rater_b)
    n = len(a)
    p_o = sum(x == y for x, y in zip(a, b, strict=True)) / n
    count_a, count_b = Counter(a), Counter(b)
    p_e = sum(count_a[c] * count_b[c] for c in set(a) | set(b)) / (n * n)
    return (p_o - p_e) / (1 - p_e)
