# Wrong: draws the two positions independently, so a "swap" of a word with itself can happen.
# Fails with: can never happen under the contract
import numpy as np


def perturb_words(text, *, p_delete, n_swaps, seed):
    rng = np.random.default_rng(seed)
    words = [word for word in text.split() if rng.random() >= p_delete]
    for _ in range(n_swaps):
        if len(words) < 2:
            break
        i, j = rng.integers(len(words), size=2)
        words[i], words[j] = words[j], words[i]
    return " ".join(words)
