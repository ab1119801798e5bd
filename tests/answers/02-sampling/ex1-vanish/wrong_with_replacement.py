# Wrong: the with-replacement approximation (1 - K/N) ** n instead of sampling without replacement.
def prob_class_missing(population_size, n_rare, sample_size):
    return (1 - n_rare / population_size) ** sample_size
