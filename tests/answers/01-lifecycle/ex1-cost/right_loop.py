# Right: a plain loop over the pairs, after turning both inputs into lists.
def expected_cost(y_true, y_pred, *, cost_fp, cost_fn):
    outcomes, decisions = list(y_true), list(y_pred)
    total = 0.0
    for outcome, decision in zip(outcomes, decisions, strict=True):
        if decision and not outcome:
            total += cost_fp
        elif outcome and not decision:
            total += cost_fn
    return total / len(outcomes)
