# Wrong: the product of per-draw probabilities starts one draw late (i = 1..n instead of 0..n-1).
def prob_class_missing(population_size, n_rare, sample_size):
    n_common = population_size - n_rare
    probability = 1.0
    for i in range(1, sample_size + 1):
        if population_size - i <= 0:
            return 0.0
        probability *= max(n_common - i, 0) / (population_size - i)
    return probability
