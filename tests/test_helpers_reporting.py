"""helpers.reporting: tables a notebook publishes for the course report."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.reporting import REPORT_MIME, markdown_table, publish


def test_markdown_table_of_frames_series_and_mappings() -> None:
    frame = pd.DataFrame({"a": [1.23456, float("nan")], "b|c": ["x", "y\nz"]})
    assert markdown_table(frame).splitlines() == [
        "| a | b\\|c |", "|---|---|", "| 1.235 | x |", "|  | y z |"]
    assert markdown_table(pd.Series({"p50": 1.5}, name="ms")).splitlines()[0] == "| name | ms |"
    assert markdown_table({"rows/s": 123456.7}).splitlines()[2] == "| rows/s | 123,457 |"
    indexed = pd.DataFrame({"x": [1]}, index=pd.Index(["int8"], name="variant"))
    assert markdown_table(indexed).splitlines()[0] == "| variant | x |"
    with pytest.raises(TypeError, match="DataFrame, Series or mapping"):
        markdown_table([1, 2])  # type: ignore[arg-type]


def test_publish_prints_outside_ipython(capsys: pytest.CaptureFixture[str]) -> None:
    publish("Latency", {"p99 ms": 2.5}, note="loopback")
    out = capsys.readouterr().out
    assert out.startswith("Latency\n| name | value |") and out.rstrip().endswith("loopback")
    with pytest.raises(ValueError, match="title"):
        publish(" ", {"x": 1})


def test_publish_in_ipython_carries_the_report_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    import IPython
    import IPython.display

    bundles = []
    monkeypatch.setattr(IPython, "get_ipython", lambda: object())
    monkeypatch.setattr(IPython.display, "publish_display_data", bundles.append)
    publish("Sizes", pd.DataFrame({"variant": ["int8"], "KB": [56]}))
    [bundle] = bundles
    assert bundle[REPORT_MIME] == {"title": "Sizes", "markdown":
                                   "| variant | KB |\n|---|---|\n| int8 | 56 |", "note": ""}
    assert bundle["text/markdown"].startswith("**Sizes**")
