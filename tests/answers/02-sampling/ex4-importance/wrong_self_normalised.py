# Wrong (for this contract): the self-normalised estimate sum(w * f) / sum(w).
import numpy as np


def importance_estimate(f_values, target_pdf_values, proposal_pdf_values):
    f = np.asarray(f_values, dtype=float)
    weights = np.asarray(target_pdf_values, dtype=float) / np.asarray(proposal_pdf_values)
    return float(np.sum(weights * f) / np.sum(weights))
