# Wrong: always deletes exactly round(p_delete * n) words instead of each one independently.
import numpy as np


def perturb_words(text, *, p_delete, n_swaps, seed):
    rng = np.random.default_rng(seed)
    words = text.split()
    n_drop = round(p_delete * len(words))
    dropped = set(rng.choice(len(words), size=n_drop, replace=False).tolist())
    words = [word for position, word in enumerate(words) if position not in dropped]
    for _ in range(n_swaps):
        if len(words) < 2:
            break
        i, j = rng.choice(len(words), size=2, replace=False)
        words[i], words[j] = words[j], words[i]
    return " ".join(words)
