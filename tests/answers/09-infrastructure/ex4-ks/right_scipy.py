# Right: scipy's own two-sample test (the reference the contract names).
from scipy import stats


def ks_statistic(reference, current):
    return float(stats.ks_2samp(reference, current).statistic)
