# Right: a keep-mask from one vector of uniforms, then rng.choice of two distinct positions.
import numpy as np


def perturb_words(text, *, p_delete, n_swaps, seed):
    rng = np.random.default_rng(seed)
    words = np.array(text.split(), dtype=object)
    words = list(words[rng.random(len(words)) >= p_delete])
    for _ in range(n_swaps):
        if len(words) < 2:
            break
        first, second = rng.choice(len(words), size=2, replace=False)
        words[first], words[second] = words[second], words[first]
    return " ".join(words)
