# Right: walk the rows, counting non-zeros and one pointer per row, plus the final pointer.
def csr_nbytes(W, value_bytes=4, index_bytes=4):
    total = index_bytes                    # the extra row pointer at the end
    for row in W:
        nonzero = sum(1 for value in row if value != 0)
        total += nonzero * (value_bytes + index_bytes) + index_bytes
    return int(total)
