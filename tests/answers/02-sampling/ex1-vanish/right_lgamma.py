# Right: the subset ratio through log-gamma functions (exact formula, float rounding ~1e-8).
import math


def prob_class_missing(population_size, n_rare, sample_size):
    n_common = population_size - n_rare
    if sample_size > n_common:
        return 0.0
    log_p = (
        math.lgamma(n_common + 1)
        - math.lgamma(n_common - sample_size + 1)
        - math.lgamma(population_size + 1)
        + math.lgamma(population_size - sample_size + 1)
    )
    return math.exp(log_p)
