# Wrong: list.remove(word) deletes the FIRST copy of a repeated word, not the one drawn.
# Fails with: delete by position, not by value
import numpy as np


def perturb_words(text, *, p_delete, n_swaps, seed):
    rng = np.random.default_rng(seed)
    words = text.split()
    for word in list(words):
        if rng.random() < p_delete:
            words.remove(word)
    for _ in range(n_swaps):
        if len(words) < 2:
            break
        i, j = rng.choice(len(words), size=2, replace=False)
        words[i], words[j] = words[j], words[i]
    return " ".join(words)
