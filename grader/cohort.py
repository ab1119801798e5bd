"""A cohort report: where a class struggles, after a batch of submissions is graded.

``make grade`` writes ``report.html`` beside ``grades.csv``: one offline page (plots are
embedded PNG images) with

- the score distribution of every exercise (test cell);
- the pass rate of every test cell;
- the failure messages grouped by what went wrong, with counts and the students behind
  each group (messages are grouped after their numbers and quoted values are masked, so
  "expected 5 rows, got 3" and "expected 5 rows, got 4" are one group);
- the students whose grading hit a timeout, the memory cap or a crash;
- the tests that separate nobody: passed by every student, or failed by every student.

The numbers come from the :class:`~grader.judge.GradeReport` objects of the batch, which
are also saved as ``reports.json`` so that the page can be rebuilt without regrading
(``python -m grader cohort build/grades/<assignment>``).
"""

from __future__ import annotations

import base64
import html
import io
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grader.judge import GradeReport, TestResult

#: Phrases in feedback that say the grader stopped the student's code.
INCIDENTS = {
    "timeout": ("ran longer than", "did not finish within"),
    "memory": ("ran out of memory", "MemoryError", "too much memory"),
    "crash": ("crashed the Python kernel", "the kernel died"),
}
_NUMBER = re.compile(r"(?<![A-Za-z_])[-+]?\d[\d_,]*(?:\.\d+)?(?:e[-+]?\d+)?")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def failure_kind(output: str) -> str:
    r"""What went wrong, as a group key: the first line, numbers and quotes masked.

    Examples
    --------
    >>> failure_kind("Failed: expected 5 rows, got 3\nmore")
    'Failed: expected # rows, got #'
    >>> failure_kind("Your code raised KeyError: 'region'")
    'Your code raised KeyError: …'
    """
    first = output.strip().splitlines()[0] if output.strip() else "(no message)"
    return _NUMBER.sub("#", _QUOTED.sub("…", first))[:240]


@dataclass
class CellSummary:
    """How the cohort did on one test cell."""

    grade_id: str
    title: str
    max_score: float
    scores: list[float]
    failures: dict[str, list[str]] = field(default_factory=dict)

    @property
    def passed(self) -> int:
        """Students with full points."""
        return sum(score >= self.max_score for score in self.scores)

    @property
    def pass_rate(self) -> float:
        """Share of students with full points."""
        return self.passed / len(self.scores) if self.scores else 0.0


@dataclass
class CohortSummary:
    """The numbers of a cohort report."""

    assignment_id: str
    students: list[str]
    totals: list[float]
    max_score: float
    tests: list[CellSummary]
    incidents: dict[str, list[str]]

    @property
    def separating_nobody(self) -> list[tuple[str, str]]:
        """``(grade_id, "everyone passes" | "everyone fails")`` of tests that separate nobody."""
        found = []
        for test in self.tests:
            if test.passed == len(test.scores):
                found.append((test.grade_id, "everyone passes"))
            elif test.passed == 0:
                found.append((test.grade_id, "everyone fails"))
        return found


def summarize(reports: Sequence[GradeReport]) -> CohortSummary:
    """Compute the cohort report's numbers from a batch of grade reports.

    Raises
    ------
    ValueError
        If there are no reports.
    """
    if not reports:
        raise ValueError("no grade reports: grade some submissions first")
    first = reports[0]
    tests = [CellSummary(t.grade_id, t.title, t.max_score, []) for t in first.tests]
    by_id = {t.grade_id: t for t in tests}
    incidents: dict[str, list[str]] = {kind: [] for kind in INCIDENTS}
    for report in reports:
        for result in report.tests:
            summary = by_id.get(result.grade_id)
            if summary is None:
                continue
            summary.scores.append(result.score)
            if not result.passed:
                summary.failures.setdefault(failure_kind(result.output), []).append(
                    report.student)
        texts = [*report.cell_problems, *report.notes,
                 *(t.output for t in report.tests if not t.passed)]
        for kind, phrases in INCIDENTS.items():
            if any(phrase in text for text in texts for phrase in phrases):
                incidents[kind].append(report.student)
    return CohortSummary(first.assignment_id, [r.student for r in reports],
                         [r.score for r in reports], first.max_score, tests, incidents)


# ----------------------------------------------------------------------------- rendering
def _png(fig: Any) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def plots(summary: CohortSummary) -> dict[str, str]:
    """The report's figures as PNG data URLs: ``totals``, ``pass_rates``, ``scores``."""
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    images = {}
    fig, ax = plt.subplots(figsize=(7, 3.2))
    # One bar per total that occurs (scores are sums of whole test cells, so few
    # distinct values): a histogram's bins would merge "full marks" with "one test lost".
    counts = Counter(round(total, 2) for total in summary.totals)
    values = sorted(counts)
    width = 0.8 * min([b - a for a, b in zip(values, values[1:], strict=False)] or [1.0])
    ax.bar(values, [counts[v] for v in values], width=min(width, 0.8), color="tab:blue")
    for value in values:
        ax.annotate(str(counts[value]), (value, counts[value]), ha="center", va="bottom",
                    fontsize="small")
    ax.set(title=f"Total autograded score ({len(summary.students)} students)",
           xlabel=f"Points (of {summary.max_score:g})", ylabel="Students",
           xlim=(-0.6, summary.max_score + 0.6))
    ax.margins(y=0.12)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    images["totals"] = _png(fig)
    plt.close(fig)

    labels = [t.grade_id for t in summary.tests]
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(labels) + 1.2))
    rates = [100 * t.pass_rate for t in summary.tests]
    ax.barh(labels[::-1], rates[::-1], color="tab:green")
    ax.set(title="Pass rate of each test cell", xlabel="Students with full points (%)",
           ylabel="Test cell", xlim=(0, 100))
    images["pass_rates"] = _png(fig)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(7, 0.45 * len(labels) + 1.2))
    left = [0] * len(labels)
    outcomes = [("full points", "tab:green", lambda t, s: s >= t.max_score),
                ("partial", "tab:orange", lambda t, s: 0 < s < t.max_score),
                ("zero", "tab:red", lambda t, s: s <= 0)]
    for name, color, rule in outcomes:
        counts = [sum(rule(t, s) for s in t.scores) for t in summary.tests][::-1]
        ax.barh(labels[::-1], counts, left=left, color=color, label=name)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.set(title="Score distribution of each exercise", xlabel="Students", ylabel="Test cell")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, fontsize="small",
              frameon=False)
    images["scores"] = _png(fig)
    plt.close(fig)
    return images


def render_html(summary: CohortSummary, images: dict[str, str] | None = None) -> str:
    """The cohort report as one self-contained HTML page."""
    images = plots(summary) if images is None else images
    esc = html.escape
    n = len(summary.students)
    mean = sum(summary.totals) / n
    rows = "\n".join(
        f"<tr><td>{esc(t.grade_id)}<br><small>{esc(t.title)}</small></td>"
        f"<td>{t.max_score:g}</td><td>{t.passed}/{n}</td><td>{100 * t.pass_rate:.0f} %</td>"
        f"<td>{sum(t.scores) / n:.2f}</td></tr>" for t in summary.tests)
    groups = []
    for test in summary.tests:
        for kind, students in sorted(test.failures.items(), key=lambda kv: -len(kv[1])):
            groups.append(
                f"<tr><td>{esc(test.grade_id)}</td><td>{esc(kind)}</td><td>{len(students)}"
                f"</td><td>{esc(', '.join(students))}</td></tr>")
    incidents = "\n".join(
        f"<li><b>{esc(kind)}</b> ({len(students)}): {esc(', '.join(students)) or 'none'}</li>"
        for kind, students in summary.incidents.items())
    nobody = "\n".join(f"<li>{esc(gid)}: {why}</li>" for gid, why in summary.separating_nobody)
    title = esc(f"{summary.assignment_id}: cohort report ({n} submissions)")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;max-width:62em;margin:2em auto;line-height:1.4}}
table{{border-collapse:collapse;width:100%;margin:1em 0}}td,th{{border:1px solid #ccc;
padding:.35em;vertical-align:top;text-align:left}}img{{max-width:100%}}</style></head>
<body><h1>{title}</h1>
<p>Mean autograded score {mean:.2f} of {summary.max_score:g}; {sum(t >= summary.max_score
for t in summary.totals)} students with full marks, {sum(t == 0 for t in summary.totals)}
with zero.</p>
<h2>Scores</h2><img alt="histogram of total scores" src="{images['totals']}">
<img alt="score distribution per exercise" src="{images['scores']}">
<h2>Pass rate of every test cell</h2><img alt="pass rates" src="{images['pass_rates']}">
<table><tr><th>test cell</th><th>points</th><th>passed</th><th>pass rate</th>
<th>mean points</th></tr>
{rows}</table>
<h2>What went wrong, grouped</h2>
<p>Failure messages with numbers and quoted values masked; most common first.</p>
<table><tr><th>test cell</th><th>failure</th><th>students</th><th>who</th></tr>
{chr(10).join(groups) or '<tr><td colspan="4">No failures.</td></tr>'}</table>
<h2>Timeouts, memory and crashes</h2><ul>{incidents}</ul>
<h2>Tests that separate nobody</h2>
<ul>{nobody or '<li>none: every test cell is passed by some students and failed by others</li>'}
</ul></body></html>
"""


# ----------------------------------------------------------------------------- files
def save_reports(reports: Sequence[GradeReport], path: Path) -> Path:
    """Write the grade reports as JSON (what :func:`load_reports` reads)."""
    path.write_text(json.dumps([r.to_dict() for r in reports], indent=1), encoding="utf-8")
    return path


def load_reports(path: Path) -> list[GradeReport]:
    """Read grade reports written by :func:`save_reports`."""
    reports = []
    for data in json.loads(Path(path).read_text(encoding="utf-8")):
        data = {k: v for k, v in data.items() if k not in ("score", "max_score")}
        data["tests"] = [TestResult(**t) for t in data["tests"]]
        reports.append(GradeReport(**data))
    return reports


def write_cohort_report(reports: Sequence[GradeReport], folder: Path) -> Path:
    """Write ``reports.json`` and ``report.html`` into ``folder``; return the page."""
    folder.mkdir(parents=True, exist_ok=True)
    save_reports(reports, folder / "reports.json")
    page = folder / "report.html"
    page.write_text(render_html(summarize(reports)), encoding="utf-8")
    return page
