# Right: the hypergeometric probability of 0 rare rows, from scipy.stats.
from scipy import stats


def prob_class_missing(population_size, n_rare, sample_size):
    return float(stats.hypergeom.pmf(0, population_size, n_rare, sample_size))
