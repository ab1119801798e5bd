"""pytest configuration shared by the whole repository.

``make test`` runs pytest on two workers (pytest-xdist). Tests that share expensive work
must run on the same worker, so the scheduler below sends them in groups: all cells of a
notebook (nbval), all tests of one module that are parametrised by the same week (a week
id, or a known answer's ``<week>/<exercise>/<file>`` id), and otherwise all tests of a
module, except in the modules of :data:`SPREAD_MODULES`, whose tests are independent and
go to whichever worker is free.

(xdist's own ``--dist loadgroup`` relies on a pytest internal that pytest 9 changed, so
the course brings its scheduler: ``pytest_xdist_make_scheduler``.)
"""

from pathlib import Path

# Entry-point modules run their command when imported; keep them out of doctest collection.
# Fixture notebooks are inputs of tests (some fail on purpose), not notebooks for nbval;
# output/ holds what notebooks wrote while they ran (a generated package, models).
collect_ignore_glob = ["*/__main__.py", "tests/fixtures/*", "*/output/*"]

#: Modules whose tests share no expensive fixture: spread over the workers.
SPREAD_MODULES = {"tests/test_hostile_submissions.py"}
#: The weeks, by folder name.
WEEKS = {p.name for p in (Path(__file__).parent / "solutions").iterdir() if p.is_dir()}


def work_group(nodeid: str) -> str:
    """The group of a test, from its node id (see the module docstring).

    Examples
    --------
    >>> work_group("solutions/02-sampling/02-sampling.ipynb::Cell 3")
    'solutions/02-sampling/02-sampling.ipynb'
    >>> work_group("tests/test_known_answers.py::test_known_answer[02-sampling/ex1-vanish/r.py]")
    'tests/test_known_answers.py::02-sampling'
    >>> work_group("tests/test_helpers_data.py::test_make_loans_is_deterministic")
    'tests/test_helpers_data.py'
    """
    module, _, rest = nodeid.partition("::")
    if module in SPREAD_MODULES:
        return nodeid
    if "[" in rest and rest.endswith("]"):
        week = rest[rest.index("[") + 1:-1].split("/")[0]
        if week in WEEKS:
            return f"{module}::{week}"
    return module


def pytest_xdist_make_scheduler(config, log):  # noqa: ANN001, ANN201 - xdist's hook signature
    """Schedule tests in the groups of :func:`work_group`."""
    from xdist.scheduler import LoadScopeScheduling

    class CourseScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_group(nodeid)

    return CourseScheduling(config, log)
