"""helpers.packaging: ONNX export and runtime, installed sizes; and the grading sandbox."""

from __future__ import annotations

import pickle
import resource
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from helpers.data import make_loans
from helpers.packaging import OnnxModel, export_onnx, installed_size, requirement_closure
from helpers.serving.model import model_version, train_model
from helpers.serving.schema import FEATURES


@pytest.fixture(scope="module")
def pipeline():
    return train_model(make_loans(3_000, seed=21))


def test_onnx_predictions_match_scikit_learn(pipeline):
    onnx_model = OnnxModel(export_onnx(pipeline))
    rows = make_loans(2_000, seed=22)[list(FEATURES)]
    assert rows.isna().any().any(), "the check must include missing values"
    expected = pipeline.predict_proba(rows)
    got = onnx_model.predict_proba(rows)
    assert got.shape == expected.shape and got.dtype == np.float64
    assert np.abs(got - expected).max() < 1e-5
    assert np.allclose(got.sum(axis=1), 1.0, atol=1e-6)


def test_onnx_model_pickles_as_its_bytes(pipeline):
    onnx_model = OnnxModel(export_onnx(pipeline))
    copy = pickle.loads(pickle.dumps(onnx_model))
    rows = make_loans(20, seed=3)[list(FEATURES)]
    assert np.array_equal(copy.predict_proba(rows), onnx_model.predict_proba(rows))
    assert model_version(copy) == model_version(onnx_model)
    assert "bytes" in repr(onnx_model)


def test_onnx_errors(pipeline):
    with pytest.raises(TypeError):
        OnnxModel("not bytes")
    with pytest.raises(ValueError, match="ONNX Runtime"):
        OnnxModel(b"not a model")
    from sklearn.linear_model import LogisticRegression

    with pytest.raises(ValueError, match="not fitted"):
        export_onnx(LogisticRegression())
    with pytest.raises(TypeError, match="estimator"):
        export_onnx("a model")
    onnx_model = OnnxModel(export_onnx(pipeline))
    with pytest.raises(ValueError, match="region"):
        onnx_model.predict_proba(make_loans(3)[list(FEATURES)].drop(columns="region"))
    with pytest.raises(TypeError):
        onnx_model.predict_proba(np.zeros((2, 12)))


def test_installed_sizes_and_requirements():
    closure = requirement_closure(["onnxruntime"])
    assert {"onnxruntime", "numpy"} <= set(closure)
    assert "sympy" not in closure, "requirements behind an extra are skipped"
    assert installed_size(closure) > installed_size(["onnxruntime"]) > 1_000_000
    with pytest.raises(ValueError, match="not installed"):
        installed_size(["no-such-distribution-here"])
    with pytest.raises(TypeError):
        requirement_closure("numpy")


SANDBOX_SCRIPT = textwrap.dedent("""
    import resource
    import threading

    import httpx

    from helpers.data import make_loans
    from helpers.packaging import OnnxModel, export_onnx
    from helpers.serving.app import create_app
    from helpers.serving.model import train_model
    from helpers.serving.payloads import application_payloads
    from helpers.serving.runner import serve_in_thread

    model = train_model(make_loans(2_000, seed=1))
    onnx_model = OnnxModel(export_onnx(model))
    payload = application_payloads(make_loans(1, seed=2))[0]
    for backend in (model, onnx_model):
        with serve_in_thread(create_app(backend)) as service, \\
                httpx.Client(base_url=service.url, timeout=30) as client:
            assert client.post("/predict", json=payload).status_code == 200
    assert threading.active_count() == 1, threading.enumerate()
    print("ok", resource.getrlimit(resource.RLIMIT_AS)[0] // 2**20)
""")


def _grading_limits():  # pragma: no cover - runs in the child
    limit = 4096 * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is Linux's")
def test_onnx_runtime_and_uvicorn_work_in_the_grading_sandbox(tmp_path):
    """The notebook's servers and ONNX Runtime under the grader's limits: a 4 GB address
    space, one BLAS thread and a minimal environment (grader/sandbox.py, grader/kernel.py)."""
    environment = {"PATH": f"{sys.prefix}/bin:/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
                   "HOME": str(tmp_path), "MPLBACKEND": "agg", "OMP_NUM_THREADS": "1",
                   "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    result = subprocess.run([sys.executable, "-c", SANDBOX_SCRIPT], cwd=tmp_path, env=environment,
                            preexec_fn=_grading_limits, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2_000:]
    assert result.stdout.split() == ["ok", "4096"]
