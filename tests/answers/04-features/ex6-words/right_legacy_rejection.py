# Right: a private legacy np.random.RandomState(seed); deletions from binomial draws, the second
# position redrawn until it differs from the first (rejection).
import numpy as np


def perturb_words(text, *, p_delete, n_swaps, seed):
    generator = np.random.RandomState(seed)
    words = text.split()
    dropped = generator.binomial(1, p_delete, size=len(words))
    words = [word for word, gone in zip(words, dropped, strict=True) if not gone]
    swaps_done = 0
    while swaps_done < n_swaps and len(words) >= 2:
        i = generator.randint(len(words))
        j = generator.randint(len(words))
        while j == i:
            j = generator.randint(len(words))
        words[i], words[j] = words[j], words[i]
        swaps_done += 1
    return " ".join(words)
