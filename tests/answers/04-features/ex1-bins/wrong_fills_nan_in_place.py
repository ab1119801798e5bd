# Wrong: right bins, but it writes -inf into the caller's float array to avoid a copy.
# Fails with: changed its argument `values`
import numpy as np


def assign_bins(values, edges):
    if isinstance(values, np.ndarray) and values.dtype.kind == "f":
        numbers = values  # no copy of a float array
    else:
        numbers = np.array(values, dtype=float)
    missing = np.isnan(numbers)
    numbers[missing] = -np.inf  # modifies the array the caller passed in
    codes = np.digitize(numbers, edges)
    codes[missing] = -1
    return codes
