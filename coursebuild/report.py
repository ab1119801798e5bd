"""The Markdown report of the course build: one row per week, and extra sections.

The report is open for later steps: a :class:`WeekRow` carries an ``extra`` dict
whose keys become columns when named in ``extra_columns``, a list of ``problems``
that turns its status to FAIL, and :class:`ReportSection` objects add free text
after the table.  See :func:`coursebuild.course.build_course` for the hook that
fills them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coursebuild.autograde import AutogradeResult
from coursebuild.execute import ExecutionResult
from helpers.reporting import REPORT_MIME

STATUS_OK = "OK"
STATUS_FAIL = "FAIL"
BASE_COLUMNS = (
    "assignment",
    "run time (s)",
    "graded cells",
    "max points",
    "solution points",
    "release points",
    "manual cells",
)


@dataclass
class WeekRow:
    """What the course build found out about one week (assignment).

    Attributes
    ----------
    assignment_id : str
        The assignment, e.g. ``02-sampling``.
    execution : ExecutionResult or None
        The papermill run of the solution; ``None`` if it failed.
    autograde : AutogradeResult or None
        The nbgrader round trip; ``None`` if it failed.
    problems : list of str
        Anything wrong with the week; any problem makes the status FAIL.
    extra : dict of str to str
        Values of extra columns, keyed by column name.

    """

    assignment_id: str
    execution: ExecutionResult | None = None
    autograde: AutogradeResult | None = None
    problems: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Executed, solution full marks, release zero, and no other problem."""
        return (
            not self.problems
            and self.execution is not None
            and self.autograde is not None
            and self.autograde.ok
        )

    @property
    def status(self) -> str:
        """``OK`` or ``FAIL``."""
        return STATUS_OK if self.ok else STATUS_FAIL

    def explain(self) -> list[str]:
        """Return why the week is not OK (empty when it is).

        Returns
        -------
        list of str
            The problems, plus what the round-trip numbers say.

        """
        reasons = list(self.problems)
        if self.execution is None and not self.problems:
            reasons.append("the solution notebook was not executed")
        if self.autograde is None:
            if not self.problems:
                reasons.append("no nbgrader autograde result")
        else:
            grade = self.autograde
            if grade.max_points <= 0:
                reasons.append("nbgrader found no autograded points (no graded test cell?)")
            if grade.solution_points != grade.max_points:
                reasons.append(
                    f"the solution scores {_points(grade.solution_points)} of "
                    f"{_points(grade.max_points)}: some test fails on the instructor's notebook"
                )
            if grade.release_points != 0:
                reasons.append(
                    f"the untouched release scores {_points(grade.release_points)}: some test "
                    "passes without an answer"
                )
        return reasons


@dataclass(frozen=True)
class ReportSection:
    """A titled block of Markdown appended after the table."""

    title: str
    body: str


def render_report(
    rows: Sequence[WeekRow],
    extra_columns: Sequence[str] = (),
    sections: Sequence[ReportSection] = (),
    title: str = "Course build report",
    preamble: str = "",
) -> str:
    """Render the course build as Markdown.

    Parameters
    ----------
    rows : sequence of WeekRow
        One per week, in syllabus order.
    extra_columns : sequence of str
        Columns to add before "status", filled from ``row.extra`` (blank if
        missing).
    sections : sequence of ReportSection
        Appended after the table and the problems.
    title : str
        The level-1 heading.
    preamble : str
        Text between the heading and the table (e.g. the parameters used).

    Returns
    -------
    str
        The report, ending with a newline.

    """
    columns = [*BASE_COLUMNS, *extra_columns, "status"]
    lines = [f"# {title}", ""]
    if preamble:
        lines += [preamble.strip(), ""]
    lines += [_table_row(columns), _table_row(["---"] * len(columns))]
    for row in rows:
        lines.append(_table_row(_cells(row, extra_columns)))
    n_ok = sum(row.ok for row in rows)
    lines += ["", f"{n_ok} of {len(rows)} weeks OK.", ""]

    failing = [row for row in rows if not row.ok]
    if failing:
        lines += ["## Problems", ""]
        for row in failing:
            for reason in row.explain():
                first, *rest = reason.splitlines()
                lines.append(f"- **{row.assignment_id}**: {first}")
                lines += [f"  {line}" for line in rest]
        lines.append("")
    for section in sections:
        lines += [f"## {section.title}", "", section.body.strip(), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def published_figures(notebook: Path) -> list[dict[str, str]]:
    """The figures an executed notebook published with :func:`helpers.reporting.publish`.

    Parameters
    ----------
    notebook : Path
        An executed notebook.

    Returns
    -------
    list of dict
        ``title``, ``markdown`` and ``note`` of each, in notebook order.
    """
    found: list[dict[str, str]] = []
    if not Path(notebook).is_file():
        return found
    for cell in json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", []):
        for output in cell.get("outputs", []):
            figure = output.get("data", {}).get(REPORT_MIME)
            if isinstance(figure, dict) and {"title", "markdown"} <= set(figure):
                found.append({key: str(figure.get(key, "")) for key in ("title", "markdown",
                                                                       "note")})
    return found


def figures_section(rows: Sequence[WeekRow]) -> ReportSection | None:
    """A report section with every week's published figures, or ``None`` if there are none."""
    parts = []
    for row in rows:
        if row.execution is None:
            continue
        for figure in published_figures(row.execution.output):
            parts += [f"### {row.assignment_id}: {figure['title']}", "", figure["markdown"], ""]
            if figure["note"]:
                parts += [f"*{figure['note']}*", ""]
    if not parts:
        return None
    return ReportSection("Measured in the notebooks", "\n".join(parts))


def write_report(text: str, path: Path) -> Path:
    """Write the report, creating its folder.

    Parameters
    ----------
    text : str
        The Markdown.
    path : Path
        Where to write it (``build/report.md``).

    Returns
    -------
    Path
        ``path``.

    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _cells(row: WeekRow, extra_columns: Sequence[str]) -> list[str]:
    run_time = f"{row.execution.seconds:.1f}" if row.execution is not None else "-"
    grade = row.autograde
    if grade is None:
        numbers = ["-"] * 5
    else:
        numbers = [
            str(grade.graded_cells),
            _points(grade.max_points),
            _points(grade.solution_points),
            _points(grade.release_points),
            str(grade.manual_cells),
        ]
    extra = [row.extra.get(column, "") for column in extra_columns]
    return [row.assignment_id, run_time, *numbers, *extra, row.status]


def _points(value: float) -> str:
    return f"{value:g}"


def _table_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
