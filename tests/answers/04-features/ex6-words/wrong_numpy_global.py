# Wrong: np.random.seed + np.random.* use (and change) NumPy's global random state.
# Fails with: NumPy's global random state
import numpy as np


def perturb_words(text, *, p_delete, n_swaps, seed):
    np.random.seed(seed)  # noqa: NPY002 - the mistake this file shows
    words = [word for word in text.split() if np.random.random() >= p_delete]  # noqa: NPY002
    for _ in range(n_swaps):
        if len(words) < 2:
            break
        i, j = np.random.choice(len(words), size=2, replace=False)  # noqa: NPY002
        words[i], words[j] = words[j], words[i]
    return " ".join(words)
