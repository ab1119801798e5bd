# Right: np.digitize with right=True gives the stated bins, e_(i-1) < x <= e_i.
import numpy as np


def psi(reference, current, n_bins=10, eps=1e-4):
    ref = np.asarray(reference, dtype=float)
    cur = np.asarray(current, dtype=float)
    edges = np.quantile(ref, np.arange(1, n_bins) / n_bins)
    r = np.bincount(np.digitize(ref, edges, right=True), minlength=n_bins) / ref.size
    c = np.bincount(np.digitize(cur, edges, right=True), minlength=n_bins) / cur.size
    r = np.where(r < eps, eps, r)
    c = np.where(c < eps, eps, c)
    return float(np.dot(c - r, np.log(c) - np.log(r)))
