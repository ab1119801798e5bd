# Wrong: keeps only the smallest and the fastest option.
def pareto_front(options):
    smallest = min(options, key=lambda name: tuple(options[name]))
    fastest = min(options, key=lambda name: (options[name][1], options[name][0]))
    return sorted({smallest, fastest})
