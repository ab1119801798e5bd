# Wrong: swaps a random word with its right-hand neighbour only, so far-apart pairs never swap.
# Fails with: every pair of positions equally likely
import numpy as np


def perturb_words(text, *, p_delete, n_swaps, seed):
    rng = np.random.default_rng(seed)
    words = [word for word in text.split() if rng.random() >= p_delete]
    for _ in range(n_swaps):
        if len(words) < 2:
            break
        i = int(rng.integers(len(words) - 1))
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)
