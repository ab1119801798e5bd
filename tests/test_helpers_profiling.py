"""Tests for helpers.profiling: profile tables, line timings, memory and capped children."""

from __future__ import annotations

import cProfile
import pstats
import tracemalloc

import numpy as np
import pytest
from line_profiler import LineProfiler

from helpers.profiling import (
    function_label,
    line_table,
    peak_rss,
    run_with_memory_cap,
    stats_rows,
    stats_table,
    traced_peak,
)


def busy(n: int) -> int:
    """Some work with a loop and a call, for the profilers."""
    total = 0
    for i in range(n):
        total += abs(i - n // 2)
    return total + len(sorted(str(i) for i in range(n)))


@pytest.fixture(scope="module")
def stats() -> pstats.Stats:
    with cProfile.Profile() as profiler:
        busy(20_000)
    return pstats.Stats(profiler)


def test_function_label() -> None:
    assert function_label(("/a/b/c.py", 7, "f")) == "c.py:7(f)"
    assert function_label(("~", 0, "<built-in method builtins.abs>")) == (
        "<built-in method builtins.abs>")
    with pytest.raises(TypeError, match="pstats key"):
        function_label("c.py:7(f)")  # type: ignore[arg-type]


def test_stats_rows_are_plain_and_consistent(stats: pstats.Stats) -> None:
    rows = stats_rows(stats)
    assert rows and all(isinstance(r, tuple) and len(r) == 4 for r in rows)
    assert all(isinstance(name, str) and isinstance(calls, int) for name, calls, _, _ in rows)
    assert all(own <= cumulative + 1e-9 for _, _, own, cumulative in rows)
    assert sum(own for _, _, own, _ in rows) == pytest.approx(stats.total_tt, rel=1e-6)
    names = [name for name, *_ in rows]
    assert any("busy" in name for name in names) and any("abs" in name for name in names)
    with pytest.raises(TypeError, match="pstats.Stats"):
        stats_rows({"not": "stats"})  # type: ignore[arg-type]


def test_stats_table_sorts_and_limits(stats: pstats.Stats) -> None:
    by_own = stats_table(stats, limit=3)
    assert len(by_own) == 3 and by_own["own_seconds"].is_monotonic_decreasing
    by_cumulative = stats_table(stats, sort="cumulative_seconds", limit=50)
    assert by_cumulative["cumulative_seconds"].is_monotonic_decreasing
    assert by_cumulative["cumulative_share"].max() <= 1.01  # cumtime includes a little overhead
    assert list(by_own.columns) == ["function", "calls", "own_seconds", "cumulative_seconds",
                                    "own_share", "cumulative_share"]
    with pytest.raises(ValueError, match="sort"):
        stats_table(stats, sort="tottime")
    with pytest.raises(ValueError, match="limit"):
        stats_table(stats, limit=0)


def test_line_table_times_each_line() -> None:
    profiler = LineProfiler(busy)
    profiler.runcall(busy, 5_000)
    table = line_table(profiler, busy)
    assert list(table.columns) == ["line", "hits", "seconds", "share", "code"]
    assert table["share"].sum() == pytest.approx(1.0)
    loop = table[table["code"].str.startswith("total += abs")]
    assert int(loop["hits"].iloc[0]) == 5_000
    assert table["line"].is_monotonic_increasing


def test_line_table_errors() -> None:
    profiler = LineProfiler(busy)
    with pytest.raises(ValueError, match="no timings"):
        line_table(profiler, busy)  # added but never run
    with pytest.raises(TypeError, match="Python function"):
        line_table(profiler, len)


def test_traced_peak_sees_numpy_arrays_and_restores_tracing() -> None:
    assert not tracemalloc.is_tracing()
    result, peak = traced_peak(np.ones, 1_000_000)
    assert result.shape == (1_000_000,) and peak >= 8_000_000
    assert not tracemalloc.is_tracing()
    with pytest.raises(TypeError, match="callable"):
        traced_peak(42)  # type: ignore[arg-type]


def test_peak_rss_sees_a_large_allocation() -> None:
    total, peak = peak_rss(lambda: float(np.ones(40_000_000).sum()))  # 320 MB
    assert total == 40_000_000.0 and peak > 150_000_000
    with pytest.raises(ValueError, match="interval"):
        peak_rss(sum, [1], interval=0)


def test_run_with_memory_cap_reports_success_and_memory_errors() -> None:
    small = run_with_memory_cap("helpers.profiling:_allocate", [5], budget_mb=60)
    assert small["ok"] and small["error"] == "" and small["cap_mb"] > small["base_mb"]
    assert small["peak_rss_mb"] > 0
    large = run_with_memory_cap("helpers.profiling:_allocate", [300], budget_mb=60,
                                warmup_args=[1])
    assert not large["ok"] and large["error"].startswith("MemoryError")


def test_run_with_memory_cap_reports_other_failures() -> None:
    missing = run_with_memory_cap("no_such_module_here:f", [], budget_mb=50)
    assert not missing["ok"] and "ModuleNotFoundError" in missing["error"]
    failing = run_with_memory_cap("math:sqrt", [-1.0], budget_mb=50)
    assert not failing["ok"] and failing["error"].startswith("ValueError")
    slow = run_with_memory_cap("time:sleep", [30], budget_mb=50, timeout=1.0)
    assert not slow["ok"] and "timed out" in slow["error"]
    with pytest.raises(ValueError, match="module:function"):
        run_with_memory_cap("sqrt", [], budget_mb=10)
    with pytest.raises(ValueError, match="budget_mb"):
        run_with_memory_cap("math:sqrt", [1.0], budget_mb=0)
