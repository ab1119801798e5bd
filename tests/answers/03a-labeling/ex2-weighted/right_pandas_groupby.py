# Right: votes in long form, weights summed with a pandas groupby, then the best class per
# item (ties: the smallest class, by sorting on (item, -score, class)).
import numpy as np
import pandas as pd


def weighted_vote(votes, accuracies, *, n_classes):
    grid = np.asarray(votes)
    acc = np.asarray(accuracies, dtype=float)
    weight = np.log((n_classes - 1) * acc / (1 - acc))
    items, voters = np.nonzero(grid >= 0)
    long = pd.DataFrame({"item": items, "label": grid[items, voters], "w": weight[voters]})
    scores = long.groupby(["item", "label"], as_index=False)["w"].sum()
    best = (scores.sort_values(["item", "w", "label"], ascending=[True, False, True])
                  .drop_duplicates("item").set_index("item")["label"])
    return best.reindex(np.arange(len(grid)), fill_value=-1).to_numpy(dtype=np.int64)
