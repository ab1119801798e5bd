# Wrong: picks two positions, then swaps the two WORDS everywhere they occur (by value), so a
# repeated word moves in several places at once.
# Fails with: swap by position
import numpy as np


def perturb_words(text, *, p_delete, n_swaps, seed):
    rng = np.random.default_rng(seed)
    words = [word for word in text.split() if rng.random() >= p_delete]
    for _ in range(n_swaps):
        if len(words) < 2:
            break
        i, j = rng.choice(len(words), size=2, replace=False)
        first, second = words[i], words[j]
        words = [second if w == first else first if w == second else w for w in words]
    return " ".join(words)
