# Right: first position uniform, second uniform among the others (skip over the first).
import numpy as np


def perturb_words(text, *, p_delete, n_swaps, seed):
    rng = np.random.default_rng(seed)
    words = text.split()
    drops = rng.random(len(words)) < p_delete
    words = [word for word, drop in zip(words, drops, strict=True) if not drop]
    n = len(words)
    for _ in range(n_swaps if n >= 2 else 0):
        i = int(rng.integers(n))
        j = int(rng.integers(n - 1))
        if j >= i:
            j += 1
        words[i], words[j] = words[j], words[i]
    return " ".join(words)
