# Wrong: the decision-theory formula cost_fp / (cost_fp + cost_fn). It is optimal only for
# calibrated probabilities (and only on average), so it passes the easy examples but is
# not the best threshold on these data, and is meaningless for scores on another scale.
# Fails with: assumes calibrated probabilities
def best_threshold(y_true, scores, *, cost_fp, cost_fn):
    return cost_fp / (cost_fp + cost_fn)
