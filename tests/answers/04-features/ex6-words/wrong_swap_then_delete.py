# Wrong: swaps first and deletes afterwards (the contract deletes, then swaps the survivors).
# Fails with: delete first, then swap
import numpy as np


def perturb_words(text, *, p_delete, n_swaps, seed):
    rng = np.random.default_rng(seed)
    words = text.split()
    for _ in range(n_swaps):
        if len(words) < 2:
            break
        i, j = rng.choice(len(words), size=2, replace=False)
        words[i], words[j] = words[j], words[i]
    return " ".join(word for word in words if rng.random() >= p_delete)
