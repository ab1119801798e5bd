# Wrong: scikit-learn's PCA, which centres the columns first and so drops W's column means.
# Fails with: the best rank-1 approximation of diag(3, 2, 1)
import numpy as np
from sklearn.decomposition import PCA


def low_rank(W, r):
    W = np.asarray(W, dtype=float)
    pca = PCA(n_components=r, svd_solver="full").fit(W)
    return pca.transform(W), pca.components_
