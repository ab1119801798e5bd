# Right: plain Python with an accurate sum (math.fsum).
import math


def importance_estimate(f_values, target_pdf_values, proposal_pdf_values):
    terms = [
        float(f) * float(p) / float(q)
        for f, p, q in zip(f_values, target_pdf_values, proposal_pdf_values, strict=True)
    ]
    return math.fsum(terms) / len(terms)
