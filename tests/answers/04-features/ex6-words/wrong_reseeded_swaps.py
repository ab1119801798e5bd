# Wrong: a second generator made from the same seed for the swaps ties them to the deletions.
# Fails with: ONE generator
import numpy as np


def perturb_words(text, *, p_delete, n_swaps, seed):
    words = text.split()
    drops = np.random.default_rng(seed).random(len(words)) < p_delete
    words = [word for word, drop in zip(words, drops, strict=True) if not drop]
    swapper = np.random.default_rng(seed)
    for _ in range(n_swaps):
        if len(words) < 2:
            break
        i, j = swapper.choice(len(words), size=2, replace=False)
        words[i], words[j] = words[j], words[i]
    return " ".join(words)
