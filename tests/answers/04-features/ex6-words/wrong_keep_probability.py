# Wrong: treats p_delete as the probability of KEEPING a word.
import numpy as np


def perturb_words(text, *, p_delete, n_swaps, seed):
    rng = np.random.default_rng(seed)
    words = [word for word in text.split() if rng.random() < p_delete]
    for _ in range(n_swaps):
        if len(words) < 2:
            break
        i, j = rng.choice(len(words), size=2, replace=False)
        words[i], words[j] = words[j], words[i]
    return " ".join(words)
