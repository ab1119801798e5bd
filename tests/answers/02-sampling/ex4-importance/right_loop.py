# Right: a plain Python loop over the draws, accumulating f * p / q.


def importance_estimate(f_values, target_pdf_values, proposal_pdf_values, strict=True):
    total = 0.0
    count = 0
    for f, p, q in zip(f_values, target_pdf_values, proposal_pdf_values, strict=True):
        total += float(f) * float(p) / float(q)
        count += 1
    return total / count
