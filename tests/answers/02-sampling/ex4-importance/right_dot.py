# Right: a dot product of f with the weights p/q, divided by n.
import numpy as np


def importance_estimate(f_values, target_pdf_values, proposal_pdf_values):
    f = np.asarray(f_values, dtype=float)
    weights = np.divide(target_pdf_values, proposal_pdf_values, dtype=float)
    return float(f @ weights / f.size)
