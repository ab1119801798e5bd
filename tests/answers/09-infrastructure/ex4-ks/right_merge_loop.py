# Right: walks both sorted samples together, moving past ALL copies of a value before comparing.
def ks_statistic(reference, current):
    a, b = sorted(float(x) for x in reference), sorted(float(x) for x in current)
    i = j = 0
    best = 0.0
    while i < len(a) or j < len(b):
        x = min(a[i] if i < len(a) else float("inf"), b[j] if j < len(b) else float("inf"))
        while i < len(a) and a[i] == x:
            i += 1
        while j < len(b) and b[j] == x:
            j += 1
        best = max(best, abs(i / len(a) - j / len(b)))
    return best
