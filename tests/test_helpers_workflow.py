"""Tests of helpers.workflow: Dask graphs with timing, Gantt charts, failure injection, retries."""

import dask
import dask.threaded
import matplotlib
import pytest

from helpers.plotting import assert_labelled
from helpers.workflow import (
    FlakyTask,
    TaskLog,
    call_with_retries,
    dependencies_of,
    plot_gantt,
    to_dask_graph,
)

matplotlib.use("Agg")


def _tasks():
    return {
        "a": (lambda: 2, []),
        "b": (lambda: 3, []),
        "sum": (lambda x, y: x + y, ["a", "b"]),
        "double": (lambda s: 2 * s, ["sum"]),
    }


def test_graph_runs_on_the_threaded_scheduler_and_logs_every_task():
    log = TaskLog()
    graph = to_dask_graph(_tasks(), log)
    assert dask.threaded.get(graph, "double", num_workers=2) == 10
    frame = log.frame()
    assert sorted(frame["task"]) == ["a", "b", "double", "sum"]
    assert (frame["end"] >= frame["start"]).all() and frame["start"].min() == 0.0
    starts = frame.set_index("task")["start"]
    ends = frame.set_index("task")["end"]
    assert starts["sum"] >= max(ends["a"], ends["b"])  # dependencies finished first


def test_graph_without_log_keeps_the_functions_and_dependencies_in_order():
    tasks = _tasks()
    graph = to_dask_graph(tasks)
    assert graph["sum"] == (tasks["sum"][0], "a", "b")
    assert dask.get(graph, "sum") == 5


def test_dependencies_of_copies_the_lists():
    tasks = _tasks()
    plain = dependencies_of(tasks)
    assert plain == {"a": [], "b": [], "sum": ["a", "b"], "double": ["sum"]}
    plain["sum"].append("x")
    assert tasks["sum"][1] == ["a", "b"]


@pytest.mark.parametrize("bad, message", [
    ({"a": (len, ["missing"])}, "not a task"),
    ({"a": (len, "b"), "b": (len, [])}, "list of task names"),
    ({"a": ("not callable", [])}, "function"),
    ({"": (len, [])}, "non-empty"),
])
def test_malformed_tasks_raise_a_clear_value_error(bad, message):
    with pytest.raises(ValueError, match=message):
        to_dask_graph(bad)


def test_tasks_must_be_a_dict():
    with pytest.raises(TypeError, match="dict"):
        dependencies_of([("a", len)])


def test_gantt_chart_is_labelled_and_refuses_an_empty_log():
    import matplotlib.pyplot as plt

    log = TaskLog()
    log.add("load", "thread-1", 0.0, 0.2)
    log.add("train", "thread-2", 0.2, 0.9)
    ax = plot_gantt(log, title="A workflow")
    assert_labelled(ax)
    assert len(ax.get_legend().get_texts()) == 2
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="no task runs"):
        plot_gantt(TaskLog(), title="Nothing")


def test_flaky_task_is_reproducible_for_a_seed_and_counts_calls():
    def outcomes(seed):
        task = FlakyTask(lambda: "ok", 0.4, seed=seed)
        result = []
        for _ in range(50):
            try:
                result.append(task())
            except TimeoutError:
                result.append("timeout")
        return result, task

    first, task = outcomes(3)
    assert first == outcomes(3)[0]
    assert first != outcomes(4)[0]
    assert task.calls == 50 and task.failures == first.count("timeout")
    assert 5 < task.failures < 35


def test_flaky_task_raises_the_given_error_and_validates_its_arguments():
    always = FlakyTask(lambda: None, 1.0, seed=0, error=ConnectionError)
    with pytest.raises(ConnectionError, match="injected failure"):
        always()
    assert FlakyTask(lambda: 7, 0.0, seed=0)() == 7
    with pytest.raises(ValueError):
        FlakyTask(lambda: None, 1.5, seed=0)
    with pytest.raises(TypeError):
        FlakyTask("not callable", 0.5, seed=0)
    with pytest.raises(TypeError):
        FlakyTask(lambda: None, 0.5, seed=0, error=str)


def test_retries_wait_the_given_delays_and_return_the_first_success():
    task = FlakyTask(lambda x: x + 1, 1.0, seed=0)
    waited = []
    with pytest.raises(TimeoutError):
        call_with_retries(task, 1, waits=[1, 2, 4], retry_on=(TimeoutError,), sleep=waited.append)
    assert waited == [1.0, 2.0, 4.0] and task.calls == 4

    calls = []

    def second_time_lucky():
        calls.append(1)
        if len(calls) < 2:
            raise TimeoutError("slow")
        return "done"

    waited.clear()
    assert call_with_retries(second_time_lucky, waits=[5, 10], sleep=waited.append) == "done"
    assert waited == [5.0]


def test_non_retryable_errors_are_raised_at_once():
    calls = []

    def bad_data():
        calls.append(1)
        raise ValueError("corrupt file")

    with pytest.raises(ValueError, match="corrupt"):
        call_with_retries(bad_data, waits=[1, 1], retry_on=(TimeoutError,), sleep=lambda s: None)
    assert len(calls) == 1
    with pytest.raises(ValueError, match="wait"):
        call_with_retries(bad_data, waits=[-1], sleep=lambda s: None)
