# Right: list every pair of positions and pick one uniformly.
from itertools import combinations

import numpy as np


def perturb_words(text, *, p_delete, n_swaps, seed):
    rng = np.random.default_rng(seed)
    kept = []
    for word in text.split():
        if rng.random() < p_delete:
            continue
        kept.append(word)
    for _ in range(n_swaps):
        pairs = list(combinations(range(len(kept)), 2))
        if not pairs:
            break
        i, j = pairs[rng.integers(len(pairs))]
        kept[i], kept[j] = kept[j], kept[i]
    return " ".join(kept)
