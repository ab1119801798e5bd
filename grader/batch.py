"""Grade a folder of submissions in parallel and write grades and feedback.

Submissions come in nbgrader's ``submitted/<student>/<assignment>/<notebook>.ipynb``
layout or as a flat folder of ``<student>.ipynb`` files. Each worker process grades one
submission at a time in its own sandboxed kernel (see :mod:`grader.judge`); the results
go to ``grades.csv`` (one row per student, one column per test cell) and one HTML
feedback page per student.
"""

from __future__ import annotations

import csv
import gc
import html
import multiprocessing
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from grader.judge import GradeReport, failed_report, grade_notebook
from grader.kernel import SandboxConfig
from grader.spec import AssignmentSpec
from grader.submission import SubmissionError, find_notebook


@dataclass(frozen=True)
class SubmissionRef:
    """Where one student's submission lives."""

    student: str
    folder: Path


def discover_submissions(folder: Path, assignment_id: str) -> list[SubmissionRef]:
    """List the submissions in ``folder``.

    Parameters
    ----------
    folder : Path
        nbgrader's ``submitted/`` folder (``<student>/<assignment>/``) or a flat folder
        of ``<student>.ipynb`` files.
    assignment_id : str
        Used to find each student's folder in nbgrader's layout.

    Raises
    ------
    FileNotFoundError
        If ``folder`` does not exist.
    ValueError
        If it holds no submissions.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"no submissions folder at {folder}")
    refs = []
    for entry in sorted(folder.iterdir()):
        if entry.is_dir() and (entry / assignment_id).is_dir():
            refs.append(SubmissionRef(entry.name, entry / assignment_id))
        elif entry.is_file() and entry.suffix == ".ipynb":
            refs.append(SubmissionRef(entry.stem, entry))
    if not refs:
        raise ValueError(
            f"{folder} holds no submissions: expected <student>/{assignment_id}/*.ipynb "
            "folders (nbgrader's submitted/ layout) or <student>.ipynb files")
    return refs


def grade_one(spec: AssignmentSpec, ref: SubmissionRef, config: SandboxConfig) -> GradeReport:
    """Grade one submission (a notebook file, or a folder holding one)."""
    if ref.folder.is_file():
        return grade_notebook(spec, ref.folder, student=ref.student, config=config)
    try:
        path, notes = find_notebook(ref.folder, spec)
    except SubmissionError as exc:
        return failed_report(spec, ref.student, str(exc))
    return grade_notebook(spec, path, student=ref.student, config=config, notes=notes)


_worker_state: dict[str, object] = {}


def _init_worker(spec: AssignmentSpec, config: SandboxConfig, freeze: bool = False) -> None:
    _worker_state.update(spec=spec, config=config)
    if freeze:
        # A worker process grades and exits: keep what it inherited (pandas, SciPy, the
        # test cells' imports) out of the garbage collector, whose full collections
        # otherwise walk that whole heap again and again while the tests decode results.
        gc.collect()
        gc.freeze()
    if config.zygote:
        # Start this worker's kernel zygote now rather than inside the first grading.
        from grader.zygote import ZygoteError, shared_zygote

        try:
            shared_zygote()
        except (ZygoteError, OSError):
            pass  # each kernel then starts a new interpreter


def _grade_in_worker(ref: SubmissionRef) -> GradeReport:
    spec, config = _worker_state["spec"], _worker_state["config"]
    try:
        return grade_one(spec, ref, config)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - one broken grading must not stop the batch
        return failed_report(spec, ref.student,  # type: ignore[arg-type]
                             f"The grader failed on this submission ({exc!r}); regrade it.")


def grade_many(spec: AssignmentSpec, refs: list[SubmissionRef], *, jobs: int | None = None,
               config: SandboxConfig | None = None, progress: bool = True
               ) -> list[GradeReport]:
    """Grade ``refs`` with ``jobs`` worker processes (default: one per core).

    Returns
    -------
    list of GradeReport
        In the order of ``refs``.
    """
    config = config or SandboxConfig()
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(refs)))
    _warm_up(spec)
    bar = _Progress(len(refs), enabled=progress)
    by_student: dict[str, GradeReport] = {}
    if jobs == 1:
        _init_worker(spec, config)
        for ref in refs:
            by_student[ref.student] = _grade_in_worker(ref)
            bar.step(ref.student)
    else:
        context = multiprocessing.get_context("fork")
        with context.Pool(jobs, initializer=_init_worker, initargs=(spec, config, True),
                          maxtasksperchild=50) as pool:
            for report in pool.imap_unordered(_grade_in_worker, refs):
                by_student[report.student] = report
                bar.step(report.student)
    bar.close()
    return [by_student[r.student] for r in refs]


def _warm_up(spec: AssignmentSpec) -> None:
    """Import what the test cells import, once, before the workers fork."""
    import importlib

    for name in spec.imported_modules():
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the test cell will report it when it runs
            pass
    import grader.remote  # noqa: F401 - used by every worker


class _Progress:
    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total, self.done, self.enabled = total, 0, enabled
        self.started = time.monotonic()

    def step(self, label: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        width = 30
        filled = int(width * self.done / self.total)
        elapsed = time.monotonic() - self.started
        eta = elapsed / self.done * (self.total - self.done)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}"
                         f" {elapsed:5.1f}s eta {eta:5.1f}s  {label[:24]:<24}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


# --------------------------------------------------------------------------- outputs
def write_grades_csv(reports: Iterable[GradeReport], path: Path) -> Path:
    """Write one row per student: total, max and each test cell's score."""
    reports = list(reports)
    path.parent.mkdir(parents=True, exist_ok=True)
    test_ids = [t.grade_id for t in reports[0].tests] if reports else []
    tmp = path.with_suffix(".csv.tmp")
    with tmp.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "score", "max_score", *test_ids, "problems"])
        for report in reports:
            scores = {t.grade_id: t.score for t in report.tests}
            writer.writerow([report.student, f"{report.score:g}", f"{report.max_score:g}",
                             *[f"{scores.get(i, 0):g}" for i in test_ids],
                             len(report.notes) + len(report.cell_problems)])
    os.replace(tmp, path)
    return path


def feedback_html(report: GradeReport) -> str:
    """A self-contained feedback page for one student."""
    rows = "\n".join(
        f"<tr class='{'pass' if t.passed else 'fail'}'><td>{html.escape(t.title)}"
        f"<br><small>{html.escape(t.grade_id)}</small></td><td>{t.score:g} / {t.max_score:g}"
        f"</td><td><pre>{html.escape(t.output)}</pre></td></tr>" for t in report.tests)
    summary = html.escape(report.summary())
    title = html.escape(f"{report.assignment_id}: feedback for {report.student}")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}
table{{border-collapse:collapse;width:100%}}td,th{{border:1px solid #ccc;padding:.4em;
vertical-align:top}}tr.pass td:nth-child(2){{color:#1a7f37}}tr.fail td:nth-child(2)
{{color:#cf222e}}pre{{white-space:pre-wrap;margin:0}}</style></head>
<body><h1>{title}</h1><pre>{summary}</pre>
<table><tr><th>Test</th><th>Score</th><th>Feedback</th></tr>
{rows}
</table></body></html>
"""


def write_outputs(reports: list[GradeReport], out: Path) -> dict[str, Path]:
    """Write ``grades.csv``, ``feedback/<student>.html`` and the cohort report under ``out``.

    The cohort report is ``report.html`` (see :mod:`grader.cohort`), with the reports
    themselves in ``reports.json``.
    """
    from grader.cohort import write_cohort_report

    out.mkdir(parents=True, exist_ok=True)
    paths = {"grades": write_grades_csv(reports, out / "grades.csv")}
    if reports:
        paths["report"] = write_cohort_report(reports, out)
    feedback = out / "feedback"
    feedback.mkdir(exist_ok=True)
    for report in reports:
        page = feedback / f"{_safe_name(report.student)}.html"
        page.write_text(feedback_html(report), encoding="utf-8")
    paths["feedback"] = feedback
    return paths


def _safe_name(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name) or "student"


def iter_summary(reports: list[GradeReport]) -> Iterator[str]:
    """Lines of a short text summary of a batch."""
    if not reports:
        return
    total = reports[0].max_score
    full = sum(r.score >= total for r in reports)
    zero = sum(r.score == 0 for r in reports)
    mean = sum(r.score for r in reports) / len(reports)
    yield (f"{len(reports)} submissions graded: mean {mean:.2f} / {total:g}, "
           f"{full} full marks, {zero} zero")
