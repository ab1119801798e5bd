# Wrong: returns the Bayes threshold cost_fp / (cost_fp + cost_fn), which is right only for
# calibrated probabilities and ignores the data.
# Fails with: flagging the rows with score >= 0.3
def cost_minimising_threshold(y_true, scores, *, cost_fp, cost_fn):
    return cost_fp / (cost_fp + cost_fn)
