# Wrong: a Monte Carlo estimate (20,000 simulated samples) instead of the exact probability.
import numpy as np


def prob_class_missing(population_size, n_rare, sample_size):
    rng = np.random.default_rng(0)
    rare_counts = (
        rng.hypergeometric(n_rare, population_size - n_rare, sample_size, size=20_000)
        if n_rare > 0
        else np.zeros(1)
    )
    return float(np.mean(rare_counts == 0))
