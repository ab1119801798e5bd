"""Side effects seen through the grader: calls run in the student's kernel on copies of the
arguments, so mutation, changed globals and stream statistics must be observed there and
reported back (helpers.testing.call_with_effects runs inside the kernel agent)."""

from __future__ import annotations

import pandas as pd
import pytest

from grader.kernel import AgentError, KernelSession, SandboxConfig
from grader.remote import Remote, _effect
from helpers.testing import SideEffectError, TrackedStream, call_many

NOTEBOOK = '''
import numpy as np
import pandas as pd

loans = pd.DataFrame({"amount": [100.0, 250.0, 80.0]})

def add_helper_column(df):
    df["rank"] = df["amount"].rank()          # mutates the caller's table
    return df.sort_values("rank").drop(columns=["rank"])

def sorted_copy(df):
    return df.sort_values("amount")

def draw(seed):
    np.random.seed(seed)                      # touches the global random state
    return float(np.random.random())

def draw_cleanly(seed):
    return float(np.random.default_rng(seed).random())

def scale_loans(factor):
    loans["amount"] *= factor                 # changes a notebook global
    return factor

def hold_everything(stream, k):
    return list(stream)[:k]

class InvalidVersion(ValueError):
    pass

def parse_version(text):
    raise InvalidVersion(f"not a version: {text!r}")

def hold_k(stream, k):
    kept = []
    for item in stream:
        kept = (kept + [item])[-k:]
    return kept
'''


@pytest.fixture(scope="module")
def kernel():
    with KernelSession(None, SandboxConfig(user=None)) as session:
        assert session.execute(NOTEBOOK, timeout=60).status == "ok"
        yield Remote(session, timeout=60)


def test_a_mutated_argument_is_seen_in_the_kernel(kernel: Remote) -> None:
    table = pd.DataFrame({"amount": [3.0, 1.0, 2.0]})
    with pytest.raises(SideEffectError, match="changed its argument `df`"):
        call_many(kernel.lookup("add_helper_column"), [{"df": table}], unchanged=True)
    [result] = call_many(kernel.lookup("sorted_copy"), [{"df": table}], unchanged=True)
    assert result["amount"].tolist() == [1.0, 2.0, 3.0]


def test_a_changed_random_state_or_global_is_seen_in_the_kernel(kernel: Remote) -> None:
    call_many(kernel.lookup("draw_cleanly"), [(1,), (2,)], watch=["numpy.random"])
    with pytest.raises(SideEffectError, match="NumPy's global random state"):
        call_many(kernel.lookup("draw"), [(1,)], watch=["numpy.random"])
    call_many(kernel.lookup("scale_loans"), [(1.0,)], watch=["loans"])
    with pytest.raises(SideEffectError, match="the notebook's global `loans`"):
        call_many(kernel.lookup("scale_loans"), [(2.0,)], watch=["loans"])


def test_stream_statistics_come_back_from_the_kernel(kernel: Remote) -> None:
    held, lean = TrackedStream(2_000), TrackedStream(2_000)
    results = call_many(kernel.lookup("hold_everything"), [(held, 3)])
    assert results == [[0, 1, 2]]
    call_many(kernel.lookup("hold_k"), [{"stream": lean, "k": 3}])
    assert held.items_read == lean.items_read == 2_000
    assert held.peak_alive == 2_000 and lean.peak_alive <= 5
    direct = TrackedStream(100)
    assert kernel.lookup("hold_k")(direct, 2) == [98, 99]
    assert direct.items_read == 100 and direct.peak_alive <= 4


@pytest.mark.parametrize("report", [
    1, [], "x", {"changed": "x", "streams": []}, {"changed": [3], "streams": []},
    {"changed": [], "streams": [["s", {}]]}, {"changed": []},
])
def test_a_malformed_call_report_is_the_kernels_fault(report: object) -> None:
    with pytest.raises(AgentError, match="malformed call report"):
        _effect(report)
    assert _effect(None) == {"changed": [], "streams": []}


def test_a_library_exception_is_mirrored_through_its_builtin_base(kernel: Remote) -> None:
    with pytest.raises(ValueError, match="InvalidVersion: not a version") as caught:
        kernel.lookup("parse_version")("x.y")
    assert type(caught.value).__name__ == "ValueError"


def test_a_forbidden_change_is_reported_before_a_later_calls_error(kernel: Remote) -> None:
    # Call 1 mutates its argument; call 2 (an empty table) would raise KeyError.
    tables = [pd.DataFrame({"amount": [3.0, 1.0]}), pd.DataFrame()]
    with pytest.raises(SideEffectError, match="call 1 of 2 changed its argument `df`"):
        call_many(kernel.lookup("add_helper_column"), [{"df": t} for t in tables],
                  unchanged=True)
