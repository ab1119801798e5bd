# Wrong: the right front, found by deleting the dominated options from the caller's dict.
# Fails with: changed its argument
def pareto_front(options):
    def dominates(a, b):
        return a[0] <= b[0] and a[1] <= b[1] and (a[0] < b[0] or a[1] < b[1])

    beaten = [name for name, figures in options.items()
              if any(dominates(other, figures) for other in options.values())]
    for name in beaten:
        del options[name]
    return sorted(options)
