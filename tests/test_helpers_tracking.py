"""Tests for helpers.tracking: a local, offline MLflow store and environment fingerprints."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from helpers.tracking import (
    OFFLINE_SETTINGS,
    environment_record,
    json_fingerprint,
    keep_mlflow_offline,
    local_tracking,
)


def test_keep_mlflow_offline_sets_the_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in OFFLINE_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    assert keep_mlflow_offline() == OFFLINE_SETTINGS
    assert all(os.environ[name] == value for name, value in OFFLINE_SETTINGS.items())


def test_local_tracking_writes_only_under_its_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import mlflow

    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    tracker = local_tracking("output/mlflow", experiment="test-experiment")
    assert tracker.folder == (cwd / "output" / "mlflow").resolve()
    assert tracker.tracking_uri == f"sqlite:///{tracker.folder.as_posix()}/mlflow.db"
    assert mlflow.get_tracking_uri() == tracker.tracking_uri
    assert os.environ["MLFLOW_DISABLE_TELEMETRY"] == "true"

    note = cwd / "output" / "note.txt"
    note.write_text("hello")
    with mlflow.start_run(run_name="parent") as parent:
        mlflow.log_params({"C": 0.1, "seed": 3})
        mlflow.log_metric("auc", 0.75)
        mlflow.log_artifact(str(note), artifact_path="files")
        with mlflow.start_run(run_name="child", nested=True):
            mlflow.log_param("C", 1.0)
    run = mlflow.get_run(parent.info.run_id)
    assert run.data.params == {"C": "0.1", "seed": "3"}
    assert run.data.metrics == {"auc": 0.75}
    assert run.info.experiment_id == tracker.experiment_id
    stored = list((tracker.folder / "artifacts").rglob("note.txt"))
    assert len(stored) == 1

    written = {p.relative_to(cwd).parts[0] for p in cwd.rglob("*")}
    assert written == {"output"}, "MLflow wrote outside the tracker's folder"
    assert not any(home.iterdir()), "MLflow wrote into HOME"

    again = local_tracking(cwd / "output" / "mlflow", experiment="test-experiment")
    assert again == tracker
    assert "--backend-store-uri " + tracker.tracking_uri in tracker.ui_command()
    assert "127.0.0.1" in tracker.ui_command(port=5001) and "5001" in tracker.ui_command(5001)


def test_local_tracking_can_keep_the_default_durability(tmp_path: Path) -> None:
    tracker = local_tracking(tmp_path / "durable", experiment="durable", fast_writes=False)
    assert (tracker.folder / "mlflow.db").exists()


def test_local_tracking_rejects_bad_arguments(tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(ValueError, match="is a file"):
        local_tracking(a_file)
    with pytest.raises(TypeError, match="folder"):
        local_tracking(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="experiment"):
        local_tracking(tmp_path / "x", experiment="  ")
    tracker = local_tracking(tmp_path / "y", experiment="ports")
    with pytest.raises(ValueError, match="port"):
        tracker.ui_command(port=80)


def test_environment_record_is_plain_json_with_versions() -> None:
    record = environment_record()
    assert json.loads(json.dumps(record)) == record
    assert record["packages"]["numpy"] and record["packages"]["mlflow-skinny"]
    with pytest.raises(TypeError, match="packages"):
        environment_record("numpy")  # type: ignore[arg-type]


def test_json_fingerprint_is_canonical_and_sensitive() -> None:
    base = {"python": "3.11", "packages": {"numpy": "2.4.6", "pandas": "3.1.1"}}
    reordered = {"packages": {"pandas": "3.1.1", "numpy": "2.4.6"}, "python": "3.11"}
    assert json_fingerprint(base) == json_fingerprint(reordered)
    changed = {"python": "3.11", "packages": {"numpy": "2.4.7", "pandas": "3.1.1"}}
    assert json_fingerprint(changed) != json_fingerprint(base)
    assert len(json_fingerprint(base)) == 64
    with pytest.raises(TypeError, match="JSON"):
        json_fingerprint({"a": {1, 2}})
