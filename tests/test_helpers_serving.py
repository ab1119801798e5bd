"""helpers.serving: the schema, the model, the app factory, the server runners, the CLI."""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
import urllib.request

import numpy as np
import pandas as pd
import pytest
from pydantic import ValidationError

from helpers.data import make_loans
from helpers.serving.app import create_app
from helpers.serving.cli import main
from helpers.serving.errors import field_name
from helpers.serving.model import load_model, model_version, save_model, train_model
from helpers.serving.payloads import application_payloads, applications_to_frame
from helpers.serving.runner import serve_in_subprocess, serve_in_thread
from helpers.serving.schema import (
    CATEGORICAL_FEATURES,
    EXAMPLE_APPLICATION,
    FEATURES,
    INTEGER_FEATURES,
    LOAN_SCHEMA,
    NUMERIC_FEATURES,
    LoanApplication,
)


@pytest.fixture(scope="module")
def model():
    return train_model(make_loans(3_000, seed=11))


def _threads() -> set[str]:
    # AnyIO keeps idle worker threads of sync endpoints for a few seconds after a request:
    # a library's thread pool, not a server left running.
    return {t.name for t in threading.enumerate() if t.name != "AnyIO worker thread"}


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def _post(url: str, body: object) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


# ----------------------------------------------------------------------------- schema
def test_features_exclude_identifiers_label_and_the_leaky_column():
    assert set(FEATURES) == set(NUMERIC_FEATURES) | set(CATEGORICAL_FEATURES)
    for column in ("application_id", "application_date", "defaulted", "recovery_amount"):
        assert column not in FEATURES
    assert set(INTEGER_FEATURES) <= set(NUMERIC_FEATURES)


def test_plain_schema_agrees_with_the_pydantic_model():
    fields = LoanApplication.model_fields
    assert list(LOAN_SCHEMA) == list(FEATURES)
    assert set(fields) == set(FEATURES) | {"request_id"}
    for name, spec in LOAN_SCHEMA.items():
        base = {**EXAMPLE_APPLICATION}
        if "min" in spec:
            LoanApplication(**{**base, name: spec["min"]})
            LoanApplication(**{**base, name: spec["max"]})
            for outside in (spec["min"] - 1, spec["max"] + 1):
                with pytest.raises(ValidationError):
                    LoanApplication(**{**base, name: outside})
        for value in spec.get("values", []):
            LoanApplication(**{**base, name: value})
        if spec["type"] == "int":  # a whole float and a bool are not ints either
            for not_an_int in (float(base[name]) + 0.5, float(base[name]), True):
                with pytest.raises(ValidationError):
                    LoanApplication(**{**base, name: not_an_int})
        if spec.get("nullable"):
            LoanApplication(**{**base, name: None})
        else:
            with pytest.raises(ValidationError):
                LoanApplication(**{**base, name: None})


@pytest.mark.parametrize("bad", [{"age": "42"}, {"age": True}, {"region": "north"},
                                 {"credit_score": 700.0}, {"term_months": 36.0},
                                 {"annual_income": float("nan")},
                                 {"extra": 1}, {"request_id": "x" * 65}])
def test_schema_is_strict(bad):
    with pytest.raises(ValidationError):
        LoanApplication(**{**EXAMPLE_APPLICATION, **bad})


def test_field_names_of_locations():
    assert field_name(("body", "instances", 3, "age")) == "instances[3].age"
    assert field_name(("body",)) == "body"
    assert field_name(("body", "credit_score")) == "credit_score"
    assert field_name(()) == "body"


# ----------------------------------------------------------------------------- data and model
def test_payloads_round_trip_through_the_schema_and_the_frame(model):
    loans = make_loans(200, seed=5)
    payloads = application_payloads(loans)
    assert json.loads(json.dumps(payloads)) == payloads  # plain JSON
    frame = applications_to_frame([LoanApplication(**p) for p in payloads])
    assert list(frame.columns) == list(FEATURES)
    assert all(frame[c].dtype == float for c in NUMERIC_FEATURES)
    expected = model.predict_proba(loans[list(FEATURES)])
    assert np.array_equal(model.predict_proba(frame), expected)
    assert frame["annual_income"].isna().sum() == loans["annual_income"].isna().sum()


def test_application_payloads_errors():
    with pytest.raises(TypeError):
        application_payloads([1, 2])
    with pytest.raises(ValueError, match="region"):
        application_payloads(make_loans(5).drop(columns="region"))


def test_train_model_errors():
    with pytest.raises(TypeError):
        train_model([1, 2, 3])
    with pytest.raises(ValueError, match="lacks"):
        train_model(make_loans(100).drop(columns="credit_score"))
    with pytest.raises(ValueError, match="both classes"):
        train_model(make_loans(100).assign(defaulted=0))


def test_model_version_is_a_fingerprint(model):
    assert model_version(model) == model_version(train_model(make_loans(3_000, seed=11)))
    assert model_version(model) != model_version(train_model(make_loans(3_000, seed=12)))


def test_skops_round_trip_and_refusal_of_untrusted_types(model, tmp_path):
    path = save_model(model, tmp_path / "nested" / "model.skops")
    rows = make_loans(50, seed=1)[list(FEATURES)]
    assert np.array_equal(load_model(path).predict_proba(rows), model.predict_proba(rows))
    from sklearn.preprocessing import FunctionTransformer

    risky = save_model(FunctionTransformer(func=print), tmp_path / "risky.skops")
    with pytest.raises(ValueError, match="not trusted"):
        load_model(risky)
    with pytest.raises(FileNotFoundError):
        load_model(tmp_path / "missing.skops")


def test_export_from_the_command_line(tmp_path, capsys):
    path = tmp_path / "default.skops"
    assert main(["--export", str(path)]) == 0
    assert path.is_file() and "saved the default model" in capsys.readouterr().out
    loaded = load_model(path)
    assert loaded.predict_proba(make_loans(3, seed=2)[list(FEATURES)]).shape == (3, 2)


# ----------------------------------------------------------------------------- app factory
def test_create_app_argument_checks(model):
    with pytest.raises(ValueError, match="threshold"):
        create_app(model, threshold=1.5)
    with pytest.raises(TypeError, match="predict_proba"):
        create_app(object())
    with pytest.raises(ValueError, match="max_body_bytes"):
        create_app(model, max_body_bytes=10)


def test_thread_server_answers_and_leaves_nothing_running(model):
    before = _threads()
    app = create_app(model, threshold=0.0, model_name="test-model")
    with serve_in_thread(app) as service:
        assert service.host == "127.0.0.1" and service.port > 0
        assert service.url == f"http://127.0.0.1:{service.port}"
        status, info = _get(service.url + "/metadata")
        assert status == 200 and info["model_name"] == "test-model"
        status, answer = _post(service.url + "/predict", EXAMPLE_APPLICATION)
        assert status == 200 and answer["decision"] == "refer"  # threshold 0: always refer
        status, answer = _post(service.url + "/predict", {**EXAMPLE_APPLICATION, "age": 5})
        assert status == 422 and answer["detail"][0]["field"] == "age"
        port = service.port
    assert _threads() == before
    with socket.socket() as probe:  # nothing listens on the port any more
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT is fine
        probe.bind(("127.0.0.1", port))
        probe.listen(1)


def test_thread_server_stops_when_the_block_raises(model):
    before = _threads()
    with pytest.raises(KeyError):
        with serve_in_thread(create_app(model)):
            raise KeyError("a failing cell")
    assert _threads() == before


def test_thread_server_reports_an_app_that_never_gets_ready():
    from fastapi import FastAPI

    broken = FastAPI()

    @broken.get("/health")
    def health():
        raise RuntimeError("not ready")

    before = _threads()
    with pytest.raises(RuntimeError, match="did not answer GET /health"):
        with serve_in_thread(broken, ready_timeout=0.5):
            pass
    assert _threads() == before


def test_thread_server_refuses_a_bad_port():
    with pytest.raises(ValueError, match="port"):
        with serve_in_thread(create_app(train_model(make_loans(800, seed=1))), port=70_000):
            pass


def test_subprocess_that_fails_to_start_is_reported_and_reaped(tmp_path):
    children_before = _children()
    with pytest.raises(RuntimeError, match="exited with code") as error:
        with serve_in_subprocess(["--model", str(tmp_path / "missing.skops")],
                                 ready_timeout=120):
            pass
    assert "no model file" in str(error.value)
    assert _children() == children_before


def _children() -> set[int]:
    if not sys.platform.startswith("linux"):
        return set()
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid() and fields[0] != "Z":
                found.add(int(entry))
    return found


def test_applications_to_frame_accepts_dicts():
    frame = applications_to_frame([EXAMPLE_APPLICATION])
    assert frame.shape == (1, len(FEATURES))
    assert isinstance(frame, pd.DataFrame)
