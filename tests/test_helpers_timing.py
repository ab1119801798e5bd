"""Tests for helpers.timing (a fake clock keeps them independent of machine speed)."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator

import pytest

from helpers import timing
from helpers.timing import Timer, TimingResult, format_seconds, time_call


@pytest.fixture
def fake_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """Make time.perf_counter return 0, 1, 3, 6, 10, ... (steps of 1, 2, 3, 4, ...)."""
    readings: list[float] = []
    ticks = itertools.accumulate(itertools.count(0))

    def perf_counter() -> float:
        value = float(next(ticks))
        readings.append(value)
        return value

    monkeypatch.setattr(timing.time, "perf_counter", perf_counter)
    yield readings


def test_timer_uses_perf_counter(fake_clock: list[float]) -> None:
    with Timer() as timer:
        pass
    assert fake_clock == [0.0, 1.0]
    assert timer.seconds == 1.0
    assert timer.seconds == 1.0  # frozen after exit: no further clock reads
    assert fake_clock == [0.0, 1.0]


def test_timer_reports_running_time_inside_the_block(fake_clock: list[float]) -> None:
    with Timer() as timer:
        assert timer.seconds == 1.0  # read at 1.0, started at 0.0
        assert "running" in repr(timer)
    assert timer.seconds == 6.0  # exit read at 6.0


def test_timer_records_time_even_when_the_block_raises(fake_clock: list[float]) -> None:
    timer = Timer()
    with pytest.raises(KeyError), timer:
        raise KeyError("boom")
    assert timer.seconds == 1.0


def test_timer_can_be_reused(fake_clock: list[float]) -> None:
    timer = Timer()
    with timer:
        pass
    with timer:
        pass
    assert timer.seconds == 6.0 - 3.0


def test_timer_measures_real_time() -> None:
    with Timer() as timer:
        sum(range(10_000))
    assert timer.seconds > 0.0
    assert "Timer(" in repr(timer)


def test_unstarted_timer_says_how_to_use_it() -> None:
    timer = Timer()
    assert repr(timer) == "Timer(not started)"
    with pytest.raises(RuntimeError, match="with Timer"):
        _ = timer.seconds


def test_time_call_runs_func_repeat_times_with_arguments(fake_clock: list[float]) -> None:
    calls = []

    def func(a: int, b: int = 0) -> int:
        calls.append((a, b))
        return a + b

    result = time_call(func, 1, b=2, repeat=3)
    assert calls == [(1, 2)] * 3
    # Clock reads 0,1 | 3,6 | 10,15: runs of 1, 3 and 5 seconds.
    assert result.runs == (1.0, 3.0, 5.0)
    assert result.best == 1.0
    assert result.median == 3.0
    assert isinstance(result, TimingResult)


def test_time_call_default_repeat() -> None:
    result = time_call(sorted, [3, 2, 1])
    assert len(result.runs) == 5
    assert result.best == min(result.runs)
    assert result.best <= result.median <= max(result.runs)


def test_timing_result_is_frozen_and_printable() -> None:
    result = TimingResult(best=0.5, median=1.25, runs=(1.25, 0.5, 2.0))
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.best = 0.1  # type: ignore[misc]
    assert str(result) == "best 500 ms, median 1.25 s over 3 runs"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"func": 3}, TypeError, "func must be callable"),
        ({"func": sorted, "repeat": 0}, ValueError, "repeat must be >= 1"),
        ({"func": sorted, "repeat": 2.0}, TypeError, "repeat must be an integer"),
    ],
)
def test_time_call_bad_input(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    func = kwargs.pop("func")
    with pytest.raises(error, match=message):
        time_call(func, [1], **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0.0, "0 s"),
        (5e-10, "0.50 ns"),
        (1.5e-8, "15.0 ns"),
        (2.5e-6, "2.50 µs"),
        (0.00085, "850 µs"),
        (0.0123, "12.3 ms"),
        (0.09996, "100 ms"),
        (0.9999, "1.00 s"),
        (1.2, "1.20 s"),
        (9.996, "10.0 s"),
        (42.0, "42.0 s"),
        (123.4, "123 s"),
        (4321.0, "4321 s"),
    ],
)
def test_format_seconds(seconds: float, text: str) -> None:
    assert format_seconds(seconds) == text


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (-1.0, ValueError, "seconds must be >= 0"),
        (float("nan"), ValueError, "finite"),
        (float("inf"), ValueError, "finite"),
        ("1 s", TypeError, "real number"),
    ],
)
def test_format_seconds_bad_input(value: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        format_seconds(value)  # type: ignore[arg-type]
