# Right: a confusion matrix built with np.unique and np.add.at; kappa from its margins.
import numpy as np


def cohen_kappa(rater_a, rater_b):
    a, b = np.asarray(rater_a), np.asarray(rater_b)
    categories, codes = np.unique(np.concatenate([a, b]), return_inverse=True)
    code_a, code_b = codes[: len(a)], codes[len(a):]
    table = np.zeros((len(categories), len(categories)))
    np.add.at(table, (code_a, code_b), 1)
    table /= table.sum()
    p_o = np.trace(table)
    p_e = float(table.sum(axis=1) @ table.sum(axis=0))
    if np.isclose(p_e, 1.0, rtol=0, atol=1e-12):
        return float("nan")
    return float((p_o - p_e) / (1 - p_e))
