"""coursebuild.report: the Markdown table, statuses and extension points."""

from pathlib import Path

from coursebuild.autograde import AutogradeResult
from coursebuild.execute import ExecutionResult
from coursebuild.report import ReportSection, WeekRow, render_report, write_report


def week(name: str, solution: float = 4, release: float = 0, problems=()) -> WeekRow:
    return WeekRow(
        name,
        execution=ExecutionResult(name, Path("s.ipynb"), Path("o.ipynb"), 12.34, {"SIZE": "small"}),
        autograde=AutogradeResult(name, 2, 4.0, float(solution), float(release), 1, 2.0),
        problems=list(problems),
    )


def test_ok_and_failing_weeks() -> None:
    rows = [
        week("01-intro"),
        week("02-sampling", solution=3),
        week("03-features", release=1),
        week("04-drift", problems=["leak: notebooks/04-drift/x"]),
        WeekRow("05-serving", problems=["execution failed: boom"]),
    ]
    assert [r.status for r in rows] == ["OK", "FAIL", "FAIL", "FAIL", "FAIL"]
    report = render_report(rows)
    assert "| 01-intro | 12.3 | 2 | 4 | 4 | 0 | 1 | OK |" in report
    assert "| 05-serving | - | - | - | - | - | - | FAIL |" in report
    assert "1 of 5 weeks OK." in report
    assert "- **02-sampling**: the solution scores 3 of 4" in report
    assert "- **03-features**: the untouched release scores 1" in report
    assert "- **04-drift**: leak: notebooks/04-drift/x" in report
    assert "- **05-serving**: execution failed: boom" in report


def test_extra_columns_and_sections() -> None:
    row = week("01-intro")
    row.extra["our grader"] = "4/4"
    report = render_report(
        [row], extra_columns=["our grader", "notes"], sections=[ReportSection("More", "Body.")]
    )
    assert "| status |" in report.splitlines()[2]
    assert "| 01-intro | 12.3 | 2 | 4 | 4 | 0 | 1 | 4/4 |  | OK |" in report
    assert report.endswith("## More\n\nBody.\n")


def test_write_report_creates_the_folder(tmp_path: Path) -> None:
    path = write_report("# r\n", tmp_path / "build" / "report.md")
    assert path.read_text() == "# r\n"


def test_published_figures_are_collected_from_the_executed_notebook(tmp_path: Path) -> None:
    import json

    from coursebuild.report import figures_section, published_figures
    from helpers.reporting import REPORT_MIME

    figure = {"title": "Speed-ups", "markdown": "| step | x |\n|---|---|\n| naive | 1 |",
              "note": "2 cores"}
    notebook = {"cells": [
        {"cell_type": "code", "outputs": [{"output_type": "display_data",
                                           "data": {"text/plain": "t", REPORT_MIME: figure}}]},
        {"cell_type": "code", "outputs": [{"output_type": "stream", "text": "hello"}]},
        {"cell_type": "markdown", "source": "no outputs"},
    ]}
    path = tmp_path / "o.ipynb"
    path.write_text(json.dumps(notebook))
    assert published_figures(path) == [figure]
    assert published_figures(tmp_path / "missing.ipynb") == []
    row = WeekRow("07-serving", execution=ExecutionResult("07-serving", path, path, 1.0, {}))
    section = figures_section([row, week("01-intro")])
    assert section is not None and section.title == "Measured in the notebooks"
    assert "### 07-serving: Speed-ups" in section.body and "| naive | 1 |" in section.body
    assert figures_section([week("01-intro")]) is None
