# Wrong: the naive mean of f, ignoring that the draws come from the proposal.
import numpy as np


def importance_estimate(f_values, target_pdf_values, proposal_pdf_values):
    return float(np.mean(np.asarray(f_values, dtype=float)))
