# Wrong: returns P(at least one rare row) instead of P(no rare row).
import math


def prob_class_missing(population_size, n_rare, sample_size):
    none = math.comb(population_size - n_rare, sample_size) / math.comb(
        population_size, sample_size
    )
    return 1.0 - none
