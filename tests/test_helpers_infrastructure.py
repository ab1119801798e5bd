"""Tests of helpers.infrastructure: pins, lock lines, closures, resource limits."""

import resource
import sys

import pytest

from helpers.infrastructure import (
    environment_fingerprint,
    find_repository_root,
    lock_lines,
    pinned_versus_installed,
    requirement_closure,
    resource_limits,
    run_limited,
)


def test_repository_root_is_found_from_inside_and_not_from_outside(tmp_path):
    root = find_repository_root(__file__)
    assert root is not None and (root / "pyproject.toml").exists()
    assert find_repository_root(root / "helpers") == root
    assert find_repository_root(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "something-else"\n')
    assert find_repository_root(tmp_path) is None


def test_installed_versions_match_the_course_pins():
    table = pinned_versus_installed()
    assert table["matches"].all(), table[~table["matches"]]
    assert {"numpy", "pandas", "dask"} <= set(table["package"])
    assert "dask[dataframe,distributed]" in set(table["requirement"])
    assert set(table.loc[table["package"] == "pytest", "extra"]) == {"dev"}
    with pytest.raises(ValueError, match="not installed"):
        pinned_versus_installed("no-such-distribution-here")


def test_requirement_closure_follows_requirements_and_requested_extras():
    assert requirement_closure("numpy") == ["numpy"]
    plain = set(requirement_closure("dask"))
    with_extras = set(requirement_closure("dask[dataframe]"))
    assert "pandas" not in plain and "pandas" in with_extras
    assert {"scikit-learn", "scipy", "numpy", "joblib"} <= set(requirement_closure("scikit-learn"))
    with pytest.raises(ValueError, match="not installed"):
        requirement_closure("no-such-distribution-here")
    with pytest.raises(ValueError, match="not installed"):
        requirement_closure(["numpy", "no-such-distribution-here"])
    with pytest.raises(ValueError, match="not a requirement"):
        requirement_closure("not a @@ requirement")


def test_requirement_closure_takes_several_requirements_and_is_the_packaging_one():
    from helpers.packaging import requirement_closure as packaging_closure

    both = requirement_closure(["scikit-learn", "dask[dataframe]"])
    assert both == sorted(set(requirement_closure("scikit-learn"))
                          | set(requirement_closure("dask[dataframe]")))
    assert requirement_closure(("numpy",)) == ["numpy"]
    for names in (["onnxruntime"], ["fastapi", "uvicorn", "scikit-learn", "pandas"]):
        assert packaging_closure(names) == requirement_closure(names)


def test_lock_lines_and_fingerprint():
    lines = lock_lines()
    assert lines == sorted(lines) and len(lines) == len({line.split("==")[0] for line in lines})
    assert environment_fingerprint() == environment_fingerprint(lines)
    assert environment_fingerprint(lines) == environment_fingerprint(list(reversed(lines)))
    assert environment_fingerprint(lines) != environment_fingerprint(lines[1:])


def test_resource_limits_table():
    table = resource_limits()
    assert list(table.columns) == ["limit", "value", "meaning"]
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    value = table.set_index("limit").loc["RLIMIT_AS", "value"]
    assert value == "unlimited" if soft == resource.RLIM_INFINITY else value.endswith("MB")


def test_run_limited_reports_memory_errors_signals_and_deadlines():
    ok = run_limited("import sys; print(sys.flags.isolated)")
    assert ok["returncode"] == 0 and ok["stdout"].strip() == "1" and ok["signal"] is None
    capped = run_limited("block = bytes(600 * 2**20)", memory_mb=256)
    assert capped["returncode"] == 1 and "MemoryError" in capped["stderr"]
    free = run_limited("block = bytes(600 * 2**20)")
    assert free["returncode"] == 0
    late = run_limited("import time; time.sleep(30)", timeout=0.2)
    assert late["timed_out"] and late["signal"] == "SIGKILL"


@pytest.mark.skipif(sys.platform != "linux", reason="SIGXCPU is Linux behaviour")
def test_run_limited_cpu_limit_ends_a_busy_loop():
    busy = run_limited("while True:\n    pass", cpu_seconds=1, timeout=30)
    assert busy["signal"] == "SIGXCPU" and busy["cpu_seconds"] >= 0.5


@pytest.mark.parametrize("kwargs", [{"memory_mb": 10}, {"cpu_seconds": 0}, {"timeout": 0}])
def test_run_limited_rejects_bad_limits(kwargs):
    with pytest.raises(ValueError):
        run_limited("pass", **kwargs)
    with pytest.raises(ValueError):
        run_limited(b"pass")


def test_run_limited_calls_in_threads_keep_their_own_cpu_time():
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:
        busy = pool.submit(run_limited, "while True:\n    pass", cpu_seconds=1, timeout=30)
        quick = pool.submit(run_limited, "print('hello')")
        assert quick.result()["cpu_seconds"] < 0.5 and quick.result()["stdout"] == "hello\n"
        assert busy.result()["signal"] == "SIGXCPU"
