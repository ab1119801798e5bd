# Wrong: two random.Random(seed) generators (deletions, swaps) tie the swaps to the deletions.
# Fails with: ONE generator
import random


def perturb_words(text, *, p_delete, n_swaps, seed):
    deleter, swapper = random.Random(seed), random.Random(seed)
    words = [word for word in text.split() if deleter.random() >= p_delete]
    for _ in range(n_swaps):
        if len(words) < 2:
            break
        i, j = swapper.sample(range(len(words)), 2)
        words[i], words[j] = words[j], words[i]
    return " ".join(words)
