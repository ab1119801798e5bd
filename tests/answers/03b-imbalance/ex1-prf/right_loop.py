# Right: a plain Python loop over pairs of labels, with try/except for the 0/0 cases.
def precision_recall_f1(y_true, y_pred):
    tp = fp = fn = 0
    for truth, flag in zip(list(y_true), list(y_pred), strict=True):
        if flag and truth:
            tp += 1
        elif flag:
            fp += 1
        elif truth:
            fn += 1
    try:
        precision = tp / (tp + fp)
    except ZeroDivisionError:
        precision = 0.0
    try:
        recall = tp / (tp + fn)
    except ZeroDivisionError:
        recall = 0.0
    try:
        f1 = 2 * precision * recall / (precision + recall)
    except ZeroDivisionError:
        f1 = 0.0
    return float(precision), float(recall), float(f1)
