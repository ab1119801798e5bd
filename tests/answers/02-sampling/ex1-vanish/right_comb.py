# Right: the ratio of subset counts, C(N - K, n) / C(N, n), with exact integers.
import math


def prob_class_missing(population_size, n_rare, sample_size):
    return math.comb(population_size - n_rare, sample_size) / math.comb(
        population_size, sample_size
    )
