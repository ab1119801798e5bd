"""The prediction service of week 07, end to end over HTTP.

One real service per module: the command of ``deploy/Dockerfile`` (its model exported by
the Dockerfile's own export step), run on 127.0.0.1 on a port the system picks. The tests
send it well-formed requests and a table of malformed ones: every malformed request must
get a 4xx whose message names the field, and nothing a client sends may cause a 5xx.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import httpx
import numpy as np
import pytest

from helpers.data import make_loans
from helpers.serving.payloads import application_payloads
from helpers.serving.runner import serve_in_subprocess
from helpers.serving.schema import EXAMPLE_APPLICATION, FEATURES, MAX_BATCH, MAX_BODY_BYTES

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
JSON = {"Content-Type": "application/json"}
GOOD = dict(EXAMPLE_APPLICATION)


# ----------------------------------------------------------------------------- the Dockerfile
def _instructions(name: str) -> list[str]:
    """The arguments of every ``name`` instruction, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text())
    return [line.split(None, 1)[1] for line in text.splitlines()
            if line.strip().upper().startswith(name + " ")]


def _exec_form(arguments: str) -> list[str]:
    words = json.loads(arguments)
    assert isinstance(words, list) and all(isinstance(w, str) for w in words)
    return words


def _replace_option(words: list[str], option: str, value: str) -> list[str]:
    assert option in words, f"the Dockerfile's command has no {option}"
    words = list(words)
    words[words.index(option) + 1] = value
    return words


def test_dockerfile_is_slim_non_root_with_a_health_check():
    assert _instructions("FROM") == ["python:3.11-slim"]
    users = _instructions("USER")
    assert users and users[-1] not in ("root", "0"), "the service must not run as root"
    assert len(_instructions("HEALTHCHECK")) == 1
    assert "/health" in _instructions("HEALTHCHECK")[0]
    command = _exec_form(_instructions("CMD")[-1])
    assert command[:3] == ["python", "-m", "helpers.serving"]


def test_dockerfile_pins_match_the_course_pins():
    pins = dict(re.findall(r"([A-Za-z0-9_.-]+)==([0-9][^\s\\]*)", DOCKERFILE.read_text()))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    course = dict(re.findall(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==([^\s;]+)", "\n".join(
        project["dependencies"]), flags=re.MULTILINE))
    assert pins, "the Dockerfile pins the service's libraries"
    for name, version in pins.items():
        assert course.get(name) == version, f"{name}=={version} differs from pyproject.toml"


@pytest.fixture(scope="module")
def model_file(tmp_path_factory) -> Path:
    """The model, written by the Dockerfile's own export step (``--export PATH``)."""
    [run] = [r for r in _instructions("RUN") if "--export" in r]
    step = next(part for part in run.split("&&") if "--export" in part)
    words = shlex.split(step)
    path = tmp_path_factory.mktemp("model") / "loan-model.skops"
    words = _replace_option(words, "--export", str(path))
    assert words[0] == "python"
    subprocess.run([sys.executable, *words[1:]], check=True, capture_output=True, timeout=300)
    return path


@pytest.fixture(scope="module")
def service(model_file):
    """The Dockerfile's command, on 127.0.0.1 and a free port, with the exported model."""
    command = _exec_form(_instructions("CMD")[-1])
    command = _replace_option(command, "--host", "127.0.0.1")
    command = _replace_option(command, "--port", "0")
    command = _replace_option(command, "--model", str(model_file))
    with serve_in_subprocess(command=[sys.executable, *command[1:]], ready_timeout=120) as running:
        yield running


@pytest.fixture(scope="module")
def client(service):
    with httpx.Client(base_url=service.url, timeout=30) as session:
        yield session


def test_health_check_command_of_the_dockerfile_passes(service):
    command = _exec_form(_instructions("HEALTHCHECK")[0].split("CMD", 1)[1].strip())
    command = [sys.executable, *command[1:]]
    command[-1] = command[-1].replace("127.0.0.1:8000", f"127.0.0.1:{service.port}")
    subprocess.run(command, check=True, timeout=30)


# ----------------------------------------------------------------------------- well-formed
def test_health_and_metadata(client):
    health = client.get("/health")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    info = client.get("/metadata").json()
    assert [f["name"] for f in info["features"]] == list(FEATURES)
    assert info["model_version"] == health.json()["model_version"]
    assert info["max_batch"] == MAX_BATCH and info["max_body_bytes"] == MAX_BODY_BYTES
    assert 0 < info["threshold"] < 1


def test_docs_and_openapi_schema(client):
    assert client.get("/docs").status_code == 200
    schema = client.get("/openapi.json").json()
    assert {"/health", "/metadata", "/predict", "/predict/batch"} <= set(schema["paths"])
    assert "LoanApplication" in schema["components"]["schemas"]


def test_single_and_batch_predictions_agree(client):
    payloads = application_payloads(make_loans(25, seed=3))
    assert any(p["annual_income"] is None or p["employment_years"] is None for p in payloads)
    batch = client.post("/predict/batch", json={"instances": payloads})
    assert batch.status_code == 200
    predictions = batch.json()["predictions"]
    assert len(predictions) == len(payloads)
    singles = [client.post("/predict", json={**p, "request_id": f"r-{i}"}).json()
               for i, p in enumerate(payloads[:5])]
    for i, (single, row) in enumerate(zip(singles, predictions, strict=False)):
        assert single["request_id"] == f"r-{i}"
        assert single["probability_of_default"] == pytest.approx(row["probability_of_default"],
                                                                 rel=1e-12)
    for row in predictions:
        assert 0.0 <= row["probability_of_default"] <= 1.0
        assert row["decision"] in ("approve", "refer")
        assert row["decision"] == ("refer" if row["probability_of_default"] >= 0.1 else "approve")


def test_largest_batch_is_accepted(client):
    response = client.post("/predict/batch", json={"instances": [GOOD] * MAX_BATCH})
    assert response.status_code == 200
    assert len(response.json()["predictions"]) == MAX_BATCH


def test_null_for_unknown_income_and_boundaries_are_valid(client):
    for body in ({**GOOD, "annual_income": None, "employment_years": None},
                 {**GOOD, "credit_score": 300, "age": 100, "debt_to_income": 0, "term_months": 60},
                 {**GOOD, "loan_amount": 40_000, "request_id": "a.B_9:-" * 9}):
        response = client.post("/predict", json=body)
        assert response.status_code == 200, response.text


# ----------------------------------------------------------------------------- malformed
def _without(field: str) -> dict:
    return {k: v for k, v in GOOD.items() if k != field}


SECRET = "s3cr3t-value-that-must-not-come-back"

#: (case, path, request keyword arguments, expected status, field the message must name)
MALFORMED = [
    ("text for a number", "/predict", {"json": {**GOOD, "credit_score": "seven hundred"}}, 422,
     "credit_score"),
    ("number as text", "/predict", {"json": {**GOOD, "loan_amount": "12000"}}, 422, "loan_amount"),
    ("bool for an int", "/predict", {"json": {**GOOD, "age": True}}, 422, "age"),
    ("bool for a float", "/predict", {"json": {**GOOD, "debt_to_income": False}}, 422,
     "debt_to_income"),
    ("fraction for an int", "/predict", {"json": {**GOOD, "open_accounts": 2.5}}, 422,
     "open_accounts"),
    ("missing field", "/predict", {"json": _without("region")}, 422, "region"),
    ("missing nullable field", "/predict", {"json": _without("annual_income")}, 422,
     "annual_income"),
    ("extra field", "/predict", {"json": {**GOOD, "colour": SECRET}}, 422, "colour"),
    ("leaky field sent", "/predict", {"json": {**GOOD, "recovery_amount": 0.0}}, 422,
     "recovery_amount"),
    ("below range", "/predict", {"json": {**GOOD, "credit_score": 299}}, 422, "credit_score"),
    ("above range", "/predict", {"json": {**GOOD, "age": 101}}, 422, "age"),
    ("huge integer", "/predict", {"json": {**GOOD, "past_delinquencies": 10**40}}, 422,
     "past_delinquencies"),
    ("negative amount", "/predict", {"json": {**GOOD, "loan_amount": -1.0}}, 422, "loan_amount"),
    ("NaN", "/predict", {"content": json.dumps({**GOOD, "annual_income": float("nan")}),
                         "headers": JSON}, 422, "annual_income"),
    ("infinity", "/predict", {"content": json.dumps({**GOOD, "debt_to_income": float("inf")}),
                              "headers": JSON}, 422, "debt_to_income"),
    ("null where not allowed", "/predict", {"json": {**GOOD, "credit_score": None}}, 422,
     "credit_score"),
    ("unknown category", "/predict", {"json": {**GOOD, "region": SECRET}}, 422, "region"),
    ("wrong case category", "/predict", {"json": {**GOOD, "home_ownership": "rent"}}, 422,
     "home_ownership"),
    ("term not offered", "/predict", {"json": {**GOOD, "term_months": 48}}, 422, "term_months"),
    ("whole float for the term", "/predict", {"json": {**GOOD, "term_months": 36.0}}, 422,
     "term_months"),
    ("overlong request_id", "/predict", {"json": {**GOOD, "request_id": "x" * 65}}, 422,
     "request_id"),
    ("request_id with spaces", "/predict", {"json": {**GOOD, "request_id": "a b"}}, 422,
     "request_id"),
    ("overlong category", "/predict", {"json": {**GOOD, "purpose": "x" * 100_000}}, 422,
     "purpose"),
    ("number too large for a float", "/predict", {"content": json.dumps(GOOD).replace(
        "52000.0", "1e400"), "headers": JSON}, 422, "annual_income"),
    ("integer too long to parse", "/predict", {"content": json.dumps(GOOD).replace(
        "52000.0", "9" * 5_000), "headers": JSON}, 400, "body"),
    ("unicode category", "/predict", {"json": {**GOOD, "region": "Nörth 🌍"}}, 422, "region"),
    ("lone surrogate in a value", "/predict", {"content": json.dumps(GOOD).replace(
        '"North"', '"\\udc80"'), "headers": JSON}, 422, "region"),
    ("lone surrogate in a field name", "/predict", {"content": b'{"\\ud800": 1}',
                                                    "headers": JSON}, 422, "body"),
    ("object nested in a field", "/predict",
     {"json": {**GOOD, "region": {"name": [{"North": None}]}}}, 422, "region"),
    ("list instead of object", "/predict", {"json": [GOOD]}, 422, "body"),
    ("number instead of object", "/predict", {"json": 42}, 422, "body"),
    ("empty object", "/predict", {"json": {}}, 422, "age"),
    ("invalid JSON", "/predict", {"content": b'{"age": 42,', "headers": JSON}, 422, "body"),
    ("empty body", "/predict", {"content": b"", "headers": JSON}, 422, "body"),
    ("not UTF-8", "/predict", {"content": b'{"age": "\xff\xfe"}', "headers": JSON}, 400, "body"),
    ("deeply nested JSON", "/predict", {"content": b"[" * 50_000 + b"]" * 50_000,
                                        "headers": JSON}, 400, "body"),
    ("form-encoded body", "/predict", {"data": {"age": "42"}}, 422, "body"),
    ("plain-text content type", "/predict", {"content": json.dumps(GOOD),
                                             "headers": {"Content-Type": "text/plain"}}, 422,
     "body"),
    ("body over 1 MiB", "/predict", {"content": b"x" * (MAX_BODY_BYTES + 1), "headers": JSON},
     413, "body"),
    ("body over 1 MiB, chunked", "/predict",
     {"content": iter([b"[" + b"0," * 300_000] * 3 + [b"0]"]), "headers": JSON}, 413, "body"),
    ("empty batch", "/predict/batch", {"json": {"instances": []}}, 422, "instances"),
    ("oversized batch", "/predict/batch", {"json": {"instances": [GOOD] * (MAX_BATCH + 1)}}, 422,
     "instances"),
    ("batch is not a list", "/predict/batch", {"json": {"instances": GOOD}}, 422, "instances"),
    ("bad row in a batch", "/predict/batch",
     {"json": {"instances": [GOOD, GOOD, {**GOOD, "credit_score": 9_000}]}}, 422,
     "instances[2].credit_score"),
    ("applications nested in lists", "/predict/batch", {"json": {"instances": [[GOOD]]}}, 422,
     "instances[0]"),
    ("batch without instances", "/predict/batch", {"json": {"rows": [GOOD]}}, 422, "instances"),
    ("single application sent as batch", "/predict/batch", {"json": GOOD}, 422, "instances"),
]


@pytest.mark.parametrize(("path", "request_args", "status", "field"),
                         [case[1:] for case in MALFORMED], ids=[case[0] for case in MALFORMED])
def test_malformed_request_gets_a_4xx_naming_the_field(client, path, request_args, status, field):
    response = client.post(path, **request_args)
    assert response.status_code == status, response.text[:300]
    problems = response.json()["detail"]
    assert isinstance(problems, list) and problems
    assert field in [p["field"] for p in problems], problems
    for problem in problems:
        assert problem["msg"].strip(), "every problem has a message"
    assert SECRET not in response.text, "the service must not echo what the client sent"


def test_the_table_of_malformed_requests_is_long_enough():
    assert len(MALFORMED) >= 20


def test_wrong_method_and_unknown_path_are_4xx(client):
    assert client.get("/predict").status_code == 405
    assert client.delete("/health").status_code == 405
    missing = client.get("/no-such-thing")
    assert missing.status_code == 404 and missing.json()["detail"][0]["field"] == "path"


def test_random_garbage_never_causes_a_5xx(client):
    rng = np.random.default_rng(7)
    values = [None, True, -1, 0, 1e308, -1e308, "", "é" * 10, [], {}, [1, [2, [3]]],
              {"a": {"b": None}}, 2**63, 12.5, "NaN"]
    bodies = []
    for _ in range(40):
        body = dict(GOOD)
        for field in rng.choice(list(GOOD), size=int(rng.integers(1, 5)), replace=False):
            body[str(field)] = values[int(rng.integers(len(values)))]
        bodies.append(body)
    for body in bodies:
        for path, payload in (("/predict", body), ("/predict/batch", {"instances": [body]})):
            response = client.post(path, json=payload)
            assert response.status_code < 500, (path, body, response.text[:200])
    for size in (1, 7, 100, 5_000):
        raw = rng.integers(0, 256, size=size, dtype=np.uint8).tobytes()
        response = client.post("/predict", content=raw, headers=JSON)
        assert 400 <= response.status_code < 500
    assert client.get("/health").status_code == 200, "the service is still up"
