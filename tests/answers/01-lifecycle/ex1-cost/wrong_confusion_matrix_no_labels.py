# Wrong: unpacks confusion_matrix(...).ravel() without labels=[0, 1]. When the outcomes and
# the decisions hold only one class between them (everyone repaid and everyone approved),
# the matrix is 1 x 1 and the unpacking fails.
# Fails with: not enough values to unpack
from sklearn.metrics import confusion_matrix


def expected_cost(y_true, y_pred, *, cost_fp, cost_fn):
    tn, fp, fn, tp = confusion_matrix(list(y_true), list(y_pred)).ravel()
    return float((cost_fp * fp + cost_fn * fn) / (tn + fp + fn + tp))
