# Right: Python's random.Random(seed), a private generator; random.sample for the pair.
import random


def perturb_words(text, *, p_delete, n_swaps, seed):
    generator = random.Random(seed)
    words = [word for word in text.split() if generator.random() >= p_delete]
    for _ in range(n_swaps):
        if len(words) < 2:
            break
        i, j = generator.sample(range(len(words)), 2)
        words[i], words[j] = words[j], words[i]
    return " ".join(words)
