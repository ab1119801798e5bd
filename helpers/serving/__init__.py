"""RiskNet's prediction service: a loan-default model behind a small FastAPI app.

The deployment week serves the course's running example, RiskNet's loans table
(:func:`helpers.data.make_loans`), over HTTP. One module per concern, each imported
explicitly (``from helpers.serving.app import create_app``):

:mod:`helpers.serving.schema`
    The contract with clients: the twelve features, the strict request schema
    (:class:`~helpers.serving.schema.LoanApplication`), its rules as plain data
    (``LOAN_SCHEMA``), the response schemas and the request limits.
:mod:`helpers.serving.payloads`
    JSON request bodies from a loans table, and validated applications as the
    DataFrame the model reads.
:mod:`helpers.serving.model`
    The scikit-learn pipeline, its training, its version fingerprint, and safe storage
    with skops.
:mod:`helpers.serving.errors`, :mod:`helpers.serving.body_limit`
    Refusals that name the field, and a 413 for bodies over the size limit.
:mod:`helpers.serving.app`
    The app factory :func:`~helpers.serving.app.create_app`: ``POST /predict``,
    ``POST /predict/batch``, ``GET /health``, ``GET /metadata``, ``/docs``.
:mod:`helpers.serving.runner`
    :func:`~helpers.serving.runner.serve_in_thread` and
    :func:`~helpers.serving.runner.serve_in_subprocess`: the service on 127.0.0.1 for
    the length of a ``with`` block, stopped for sure when it ends.
:mod:`helpers.serving.cli`
    ``python -m helpers.serving`` (``make serve``, and the container's command): serve
    the model, or export it to a skops file.
"""
