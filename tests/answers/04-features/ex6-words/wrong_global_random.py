# Wrong: right distribution and reproducible, but it seeds Python's GLOBAL random generator.
# Fails with: global state of Python's random module
import random


def perturb_words(text, *, p_delete, n_swaps, seed):
    random.seed(seed)
    words = [word for word in text.split() if random.random() >= p_delete]
    for _ in range(n_swaps):
        if len(words) < 2:
            break
        i, j = random.sample(range(len(words)), 2)
        words[i], words[j] = words[j], words[i]
    return " ".join(words)
