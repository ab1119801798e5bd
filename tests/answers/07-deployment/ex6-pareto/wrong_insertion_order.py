# Wrong: the right options, but in the dictionary's order instead of sorted by name.
def pareto_front(options):
    def dominates(a, b):
        return a[0] <= b[0] and a[1] <= b[1] and (a[0] < b[0] or a[1] < b[1])

    return [name for name, figures in options.items()
            if not any(dominates(other, figures) for other in options.values())]
