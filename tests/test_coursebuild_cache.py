"""coursebuild.cache: results keyed by every input, reused until one changes."""

from pathlib import Path

from coursebuild.cache import cached, digest, lookup, store


def make_repo(root: Path) -> Path:
    (root / "solutions" / "01-week").mkdir(parents=True)
    (root / "solutions" / "01-week" / "01-week.ipynb").write_text("{}")
    (root / "helpers").mkdir()
    (root / "helpers" / "data.py").write_text("X = 1\n")
    return root


def test_digest_changes_with_content_names_new_files_and_parameters(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    inputs = ["solutions/01-week", "helpers", "missing.txt"]
    base = digest(root, inputs, {"size": "small"})
    assert digest(root, inputs, {"size": "small"}) == base
    assert digest(root, inputs, {"size": "full"}) != base
    (root / "helpers" / "data.py").write_text("X = 2\n")
    changed = digest(root, inputs, {"size": "small"})
    assert changed != base
    (root / "missing.txt").write_text("")
    assert digest(root, inputs, {"size": "small"}) != changed
    (root / "helpers" / "__pycache__").mkdir()
    (root / "helpers" / "__pycache__" / "data.cpython-311.pyc").write_bytes(b"x")
    (root / "missing.txt").unlink()
    assert digest(root, inputs, {"size": "small"}) == changed, "caches are not inputs"


def test_cached_computes_once_until_an_input_changes(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    calls = []

    def compute() -> dict:
        calls.append(1)
        return {"score": len(calls)}

    inputs = ["solutions/01-week", "helpers"]
    assert cached(root, "grades", "01-week", inputs, {}, compute) == {"score": 1}
    assert cached(root, "grades", "01-week", inputs, {}, compute) == {"score": 1}
    assert len(calls) == 1
    (root / "solutions" / "01-week" / "01-week.ipynb").write_text('{"cells": []}')
    assert cached(root, "grades", "01-week", inputs, {}, compute) == {"score": 2}
    assert len(list((root / "build" / "cache" / "grades").glob("*.json"))) == 1, (
        "a week keeps only its latest result")


def test_lookup_misses_and_survives_a_broken_file(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    inputs = ["helpers"]
    assert lookup(root, "k", "01-week", inputs, {}) is None
    store(root, "k", "01-week", inputs, {}, [1, 2])
    assert lookup(root, "k", "01-week", inputs, {}) == [1, 2]
    [path] = (root / "build" / "cache" / "k").glob("*.json")
    path.write_text("{ half written")
    assert lookup(root, "k", "01-week", inputs, {}) is None
