"""The students' repository (``coursebuild.student_repo``), as students meet it.

The first tests build it from a toy course: its content, determinism, week selection,
leak refusal and safe replacement (a few seconds).

The end-to-end tests build it from this repository (the released weeks that are
complete: release notebook, week README and instructor notebook present; always
``02-sampling``), commit it, ``git clone`` it into a fresh folder under
``build/student-repo/``, install it with the set-up commands its README gives, run every
notebook up to its first exercise in that environment with nbclient, and open each in
JupyterLab, started from that environment, in headless Chromium (skipped with a message
where ``/usr/bin/chromium`` is missing; ``.ci/run`` installs it). Screenshots and the
measured times are kept in ``build/student-repo/``.

How the fresh environment is installed, and why it is sound and fast. A full install
of the course's pins from the package registries took 89 to 185 s on this 2-core
machine, too slow for ``make test``. The course's ``.venv`` already holds exactly those
pins. So the test runs the README's first command (``python3.11 -m venv .venv``), then
hard-links into the new environment the installed files of exactly the distributions
the student ``pyproject.toml`` needs: the dependency closure of its pins, read from the
``.venv``'s metadata (RECORD files), with their data files (``share/jupyter``,
``etc/jupyter``) and scripts copied and their scripts pointed at the new interpreter:
what pip would unpack from the same wheels. Then it runs the README's second command
(``.venv/bin/python -m pip install .``) as written: pip resolves the pins against what
is installed (a pin the ``.venv`` does not satisfy would be downloaded and installed for
real), builds the student package from the clone and installs it, with its Jupyter
set-up. The instructors' dev tools (pytest, papermill, nbval, ruff), ``grader`` and
``coursebuild`` are not in the new environment, and the tests check that. About 25 to
45 s here, most of it creating the venv and pip building the package in an isolated
build environment.

``STUDENT_REPO_WEEKS="02-sampling 03b-imbalance"`` narrows the end-to-end tests to those
weeks (while other weeks are being written).
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.metadata import Distribution, distributions
from pathlib import Path, PurePosixPath

import nbformat
import pytest
import websocket
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from coursebuild import student_repo
from coursebuild.bundle import SecretLeakError
from coursebuild.student_repo import (
    GENERATED_MARKER,
    SETUP_COMMANDS,
    build_student_repo,
    released_weeks,
    scan_student_repo,
    select_weeks,
    week_title,
)
from tests.grader_support import TOY, student_copy, write

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "build" / "student-repo"
TOY_SOLUTION = "return np.asarray(x) * 2"
TOY_HIDDEN = "assert N == 10, 'size'"
CHROMIUM = Path("/usr/bin/chromium")
#: Flags Chromium needs on the course's machines (closed network, root, no GPU).
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--window-size=1400,900")
KERNEL_NAME = "Python 3 (mlops-course)"
INSTRUCTOR_PLUGINS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                      "@jupyter/nbgrader:course-list",
                      "@jupyterlab/apputils-extension:announcements")
STUDENT_PLUGINS = ("@jupyter/nbgrader:validate-assignment", "@jupyter/nbgrader:assignment-list")


# =============================================================== a toy course, fast tests
@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A course repository: two toy weeks, helpers, and instructor-only files."""
    root = tmp_path / "course"
    root.mkdir()
    for name in ("pyproject.toml", "environment.yml"):
        shutil.copy(REPO / name, root / name)
    for package in ("helpers", "grader"):
        shutil.copytree(REPO / package, root / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for week in ("00-toy", "01-toy"):
        (root / "solutions" / week).mkdir(parents=True)
        shutil.copy(TOY, root / "solutions" / week / f"{week}.ipynb")
        write(student_copy(TOY, release=True), root / "notebooks" / week, f"{week}.ipynb")
        (root / "notebooks" / week / "README.md").write_text(f"# {week}\n\nDouble things.\n")
    (root / "notebooks" / "00-toy" / "output").mkdir()
    (root / "notebooks" / "00-toy" / "output" / "model.bin").write_bytes(b"run output")
    (root / "README.md").write_text("# The course\n\nRun `make venv`.\n")
    (root / "Makefile").write_text("venv:\n\ttrue\n")
    (root / "nbgrader_config.py").write_text("c = get_config()\n")
    (root / "tests").mkdir()
    (root / "tests" / "test_secret.py").write_text(f"# {TOY_HIDDEN}\n")
    return root


def tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` but ``.git``: path -> (content, permission bits)."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mode & 0o777)
            for p in sorted(folder.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(folder).parts}


def test_student_repo_holds_what_students_need_and_nothing_else(course: Path,
                                                                tmp_path: Path) -> None:
    dest = build_student_repo(course, tmp_path / "dist" / "student-repo")

    files = tree(dest)
    assert {name.split("/")[0] for name in files} == {
        ".devcontainer", ".gitignore", "README.md", "environment.yml", "helpers",
        "jupyter-config", "notebooks", "pyproject.toml"}
    assert files["notebooks/00-toy/00-toy.ipynb"][0] == \
        (course / "notebooks" / "00-toy" / "00-toy.ipynb").read_bytes()
    assert files["helpers/data.py"][0] == (course / "helpers" / "data.py").read_bytes()
    assert not [n for n in files if "output/" in n or "__pycache__" in n]
    assert {mode for _, mode in files.values()} == {0o644}
    text = "\n".join(content.decode() for content, _ in files.values())
    assert TOY_SOLUTION not in text and TOY_HIDDEN not in text
    assert "make venv" not in files["README.md"][0].decode()
    assert scan_student_repo(dest, course) == []


def test_pyproject_and_environment_pin_the_runtime_packages_only(course: Path,
                                                                 tmp_path: Path) -> None:
    import tomllib

    dest = build_student_repo(course, tmp_path / "student-repo")

    course_project = tomllib.loads((course / "pyproject.toml").read_text())["project"]
    project = tomllib.loads((dest / "pyproject.toml").read_text())
    assert project["project"]["dependencies"] == course_project["dependencies"]
    assert "optional-dependencies" not in project["project"]
    assert "scripts" not in project["project"]
    assert project["project"]["name"] == course_project["name"]  # helpers may look it up
    assert project["tool"]["setuptools"]["packages"]["find"]["include"] == ["helpers*"]
    data_files = project["tool"]["setuptools"]["data-files"]
    assert sorted(f for files in data_files.values() for f in files) == \
        sorted(student_repo.JUPYTER_CONFIG)
    assert all((dest / f).is_file() for files in data_files.values() for f in files)
    # The reasons for the pins come along.
    assert "# every week: the loans table" in (dest / "pyproject.toml").read_text()

    pip_lines = [line.strip()[2:] for line in (dest / "environment.yml").read_text().splitlines()
                 if line.startswith("      - ")]
    assert pip_lines == [*course_project["dependencies"], "."]
    assert "python=3.11" in (dest / "environment.yml").read_text()
    for dev_tool in ("pytest", "ruff", "papermill", "nbval"):
        assert dev_tool not in (dest / "environment.yml").read_text()
        assert f'"{dev_tool}==' not in (dest / "pyproject.toml").read_text()


def test_jupyter_set_up_keeps_only_the_student_tools(course: Path, tmp_path: Path) -> None:
    dest = build_student_repo(course, tmp_path / "student-repo")
    config = dest / "jupyter-config"

    disabled = json.loads((config / "labconfig" / "page_config.json").read_text())
    assert sorted(disabled["disabledExtensions"]) == sorted(INSTRUCTOR_PLUGINS)
    server = json.loads(next((config / "jupyter_server_config.d").glob("*.json")).read_text())
    assert server["ServerApp"]["jpserver_extensions"] == {
        "nbgrader.server_extensions.course_list": False,
        "nbgrader.server_extensions.formgrader": False}
    # Loaded after nbgrader's own nbgrader.json in the same folder, so it wins.
    assert sorted(["nbgrader.json", *[p.name for p in (config / "jupyter_server_config.d")
                                      .iterdir()]])[-1].startswith("zz-")
    kernel = json.loads((config / "kernels" / "python3" / "kernel.json").read_text())
    assert kernel["display_name"] == KERNEL_NAME
    assert kernel["argv"][0] == "python"  # jupyter_client runs the environment's Python


def test_readme_and_devcontainer_are_for_students(course: Path, tmp_path: Path) -> None:
    dest = build_student_repo(course, tmp_path / "student-repo")
    readme = (dest / "README.md").read_text()

    assert readme.startswith(GENERATED_MARKER + "\n")
    assert readme_setup_commands(readme) == list(SETUP_COMMANDS)
    for expected in ("Codespaces", "Validate", "Gradescope", "Sync fork",
                     "| [notebooks/00-toy/](notebooks/00-toy/) |",
                     "notebooks/01-toy/01-toy.ipynb", "01-toy.ipynb"):
        assert expected in readme, expected
    assert not [c for c in readme_setup_commands(readme) if c.split()[0] == "make"]
    devcontainer = json.loads((dest / ".devcontainer" / "devcontainer.json").read_text())
    assert devcontainer["postCreateCommand"] == " && ".join(SETUP_COMMANDS)
    assert devcontainer["customizations"]["codespaces"]["openFiles"][0] == \
        "notebooks/01-toy/01-toy.ipynb"
    assert (dest / devcontainer["customizations"]["codespaces"]["openFiles"][0]).is_file()
    assert ".venv/" in (dest / ".gitignore").read_text()


def test_weeks_are_chosen_by_the_instructor(course: Path, tmp_path: Path) -> None:
    dest = build_student_repo(course, tmp_path / "one", ["00-toy"])
    assert sorted(p.name for p in (dest / "notebooks").iterdir()) == ["00-toy"]
    devcontainer = json.loads((dest / ".devcontainer" / "devcontainer.json").read_text())
    assert devcontainer["customizations"]["codespaces"]["openFiles"][0] == \
        "notebooks/00-toy/00-toy.ipynb"
    assert "01-toy" not in (dest / "README.md").read_text()

    for spelling in (["01-toy, 00-toy"], ["01-toy", "00-toy", "00-toy"]):
        dest = build_student_repo(course, tmp_path / "both", spelling)
        assert sorted(p.name for p in (dest / "notebooks").iterdir()) == ["00-toy", "01-toy"]

    with pytest.raises(ValueError, match=r"unknown week\(s\) 02-nope: the released weeks are "
                                         r"00-toy, 01-toy"):
        build_student_repo(course, tmp_path / "bad", ["00-toy", "02-nope"])
    assert not (tmp_path / "bad").exists()

    shutil.rmtree(course / "notebooks")
    with pytest.raises(ValueError, match="no released week"):
        build_student_repo(course, tmp_path / "none")


def test_rebuild_is_byte_identical_and_a_new_week_changes_only_its_files(
        course: Path, tmp_path: Path) -> None:
    first = tree(build_student_repo(course, tmp_path / "a", ["00-toy"]))
    os.utime(course / "helpers" / "data.py", (0, 0))
    again = tree(build_student_repo(course, tmp_path / "b", ["00-toy"]))
    assert again == first

    with_new_week = tree(build_student_repo(course, tmp_path / "a", ["00-toy", "01-toy"]))
    changed = sorted(n for n in first.keys() & with_new_week.keys()
                     if first[n] != with_new_week[n])
    assert changed == [".devcontainer/devcontainer.json", "README.md"]
    assert sorted(with_new_week.keys() - first.keys()) == [
        "notebooks/01-toy/01-toy.ipynb", "notebooks/01-toy/README.md"]
    assert not first.keys() - with_new_week.keys()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_leaky_release_is_refused_and_the_last_build_kept(course: Path,
                                                           tmp_path: Path) -> None:
    dest = build_student_repo(course, tmp_path / "student-repo")
    before = tree(dest)
    write(student_copy(TOY), course / "notebooks" / "01-toy", "01-toy.ipynb")
    (course / "notebooks" / "00-toy" / "README.md").write_text(f"Try `{TOY_HIDDEN}`.\n")

    with pytest.raises(SecretLeakError) as caught:
        build_student_repo(course, dest)

    findings = caught.value.findings
    assert {f.split(": ")[0] for f in findings} == {
        "student-repo:notebooks/01-toy/01-toy.ipynb", "student-repo:notebooks/00-toy/README.md"}
    assert "hidden test line" in "".join(findings) and "solution line" in "".join(findings)
    assert "so it was not written" in str(caught.value)
    assert tree(dest) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course", "student-repo"]


def test_rebuild_keeps_git_and_refuses_other_folders(course: Path, tmp_path: Path) -> None:
    dest = tmp_path / "published"
    (dest / ".git").mkdir(parents=True)
    (dest / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    build_student_repo(course, dest, ["00-toy"])
    (dest / "stale.txt").write_text("from an older release\n")

    build_student_repo(course, dest)

    assert (dest / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"
    assert not (dest / "stale.txt").exists()
    assert (dest / "notebooks" / "01-toy").is_dir()

    home = tmp_path / "someones-folder"
    home.mkdir()
    (home / "thesis.tex").write_text("years of work\n")
    with pytest.raises(ValueError, match="refusing to replace .*someones-folder"):
        build_student_repo(course, home)
    assert (home / "thesis.tex").is_file()


def test_command_line(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert student_repo.main(["--root", str(course), "--weeks", "00-toy,01-toy"]) == 0
    assert capsys.readouterr().out.strip() == \
        f"{course / 'dist' / 'student-repo'} (weeks: 00-toy, 01-toy)"

    assert student_repo.main(["--root", str(course), "--dest", str(tmp_path / "s"),
                              "--weeks", "00-toy", "09-x"]) == 1
    assert "error: unknown week(s) 09-x: the released weeks are 00-toy, 01-toy" in \
        capsys.readouterr().err


def test_week_title(tmp_path: Path) -> None:
    notebook = tmp_path / "02-sampling.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("# not a heading"),
                nbformat.v4.new_markdown_cell("# Week 02 · Sampling: rows\n\nText.")]
    nbformat.write(nb, notebook)
    assert week_title(notebook) == ("02", "Sampling: rows")

    nb.cells = [nbformat.v4.new_markdown_cell("# Sampling")]
    nbformat.write(nb, notebook)
    assert week_title(notebook) == ("02", "Sampling")
    notebook.write_text("not json")
    assert week_title(notebook) == ("02", "02-sampling")


# ==================================================== the real repository, end to end
def readme_setup_commands(readme: str) -> list[str]:
    """The set-up commands of the README, after its ``git clone`` line."""
    block = re.search(r"<!-- set-up commands.*?-->\s*```bash\n(.*?)```", readme, re.DOTALL)
    assert block, "the README has no marked set-up block"
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert lines[0].startswith("git clone "), lines[0]
    return lines[1:]


def complete_weeks() -> list[str]:
    """Released weeks with their README and instructor notebook (others may be in work)."""
    if os.environ.get("STUDENT_REPO_WEEKS"):
        return select_weeks(REPO, [os.environ["STUDENT_REPO_WEEKS"]])
    return [week for week in released_weeks(REPO)
            if (REPO / "notebooks" / week / "README.md").is_file()
            and (REPO / "solutions" / week / f"{week}.ipynb").is_file()]


def first_exercise(notebook: Path) -> int:
    """Index of the notebook's first answer cell (nbgrader ``solution``)."""
    cells = nbformat.read(notebook, as_version=4).cells
    return next(i for i, cell in enumerate(cells)
                if cell.metadata.get("nbgrader", {}).get("solution"))


@dataclass
class StudentEnv:
    """A clone of the student repository, installed as its README says."""

    clone: Path
    home: Path
    weeks: list[str]
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def bin(self) -> Path:
        """The environment's scripts folder."""
        return self.clone / ".venv" / "bin"

    def env(self) -> dict[str, str]:
        """Process environment of a student's shell: this venv first, a fresh home."""
        course_bin = str(Path(sys.prefix) / "bin")
        keep = {k: v for k, v in os.environ.items()
                if not k.startswith(("JUPYTER", "PYTHON", "VIRTUAL_ENV", "XDG_", "CONDA"))}
        path = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p != course_bin]
        return {**keep, "HOME": str(self.home), "PATH": os.pathsep.join([str(self.bin), *path])}

    def run(self, *args: str, timeout: float = 600,
            cwd: Path | None = None) -> subprocess.CompletedProcess:
        """Run a command (in the clone by default) in the student's shell environment."""
        return subprocess.run(list(args), cwd=cwd or self.clone, env=self.env(), text=True,
                              capture_output=True, timeout=timeout)

    def notebooks(self) -> list[Path]:
        """The released notebooks, oldest week first."""
        return [self.clone / "notebooks" / w / f"{w}.ipynb" for w in self.weeks]


def git(*args: str, cwd: Path) -> None:
    """Run git with a fixed identity; fail with its output."""
    done = subprocess.run(["git", "-c", "user.name=Course", "-c", "user.email=course@example.org",
                           "-c", "init.defaultBranch=main", *args], cwd=cwd,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def student_env() -> Iterator[StudentEnv]:
    """Build, publish (git), clone and install the student repository of this course."""
    weeks = complete_weeks()
    assert "02-sampling" in weeks, "the released week 02-sampling must be complete"
    OUTPUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="work-", dir=OUTPUT))
    env = None
    try:
        started = time.monotonic()
        published = build_student_repo(REPO, work / "published", weeks)  # leak-scanned
        git("init", "-q", cwd=published)
        git("add", "-A", cwd=published)
        git("commit", "-q", "-m", "Release", cwd=published)
        git("clone", "-q", str(published), str(work / "clone"), cwd=work)
        (work / "home").mkdir()
        env = StudentEnv(work / "clone", work / "home", weeks)
        env.timings["build, commit, clone"] = time.monotonic() - started
        install(env)
        yield env
    finally:
        write_timings(env)
        shutil.rmtree(work, ignore_errors=True)


def install(env: StudentEnv) -> None:
    """Run the README's set-up commands, seeding the dependencies after the first."""
    commands = readme_setup_commands((env.clone / "README.md").read_text())
    assert commands[0].endswith("-m venv .venv"), commands
    for number, command in enumerate(commands):
        started = time.monotonic()
        done = env.run("bash", "-ec", command)
        assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        env.timings[f"README command: {command}"] = time.monotonic() - started
        if number == 0:
            started = time.monotonic()
            seeded = seed_dependencies(env.clone / ".venv", env.clone / "pyproject.toml")
            env.timings[f"seed {seeded} distributions from the course .venv"] = \
                time.monotonic() - started


def write_timings(env: StudentEnv | None) -> None:
    """Keep the measured times in build/student-repo/timings.txt."""
    if env is not None:
        lines = [f"{seconds:7.1f} s  {what}" for what, seconds in env.timings.items()]
        (OUTPUT / "timings.txt").write_text("\n".join(lines) + "\n")


# ------------------------------------------------------------ seeding the dependencies
def seed_dependencies(venv: Path, pyproject: Path) -> int:
    """Install the pins' dependency closure into ``venv`` from the course's ``.venv``.

    Files inside site-packages are hard-linked (copied across file systems); data files
    and scripts are copied, scripts pointed at ``venv``'s interpreter. Distributions the
    ``.venv`` lacks, or has at another version, are left for pip to install.

    Returns
    -------
    int
        How many distributions were seeded.

    """
    import tomllib

    pins = tomllib.loads(pyproject.read_text())["project"]["dependencies"]
    course_site = Path(sysconfig.get_paths()["purelib"])
    target_site = Path(subprocess.run(
        [str(venv / "bin" / "python"), "-c",
         "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip())
    chosen = dependency_closure(pins, course_site)
    for dist in chosen:
        for file in dist.files or []:
            copy_installed_file(Path(os.path.normpath(course_site / file)), course_site,
                                target_site, venv)
    return len(chosen)


def dependency_closure(pins: list[str], site: Path) -> list[Distribution]:
    """The distributions in ``site`` that ``pins`` need, with extras and markers."""
    installed = {canonicalize_name(d.metadata["Name"]): d
                 for d in distributions(path=[str(site)])}
    extras_of: dict[str, set[str]] = {}
    todo = [Requirement(pin) for pin in pins]
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        dist = installed.get(name)
        if dist is None or not requirement.specifier.contains(dist.version, prereleases=True):
            continue
        if name in extras_of and set(requirement.extras) <= extras_of[name]:
            continue
        extras = extras_of.setdefault(name, set())
        extras |= set(requirement.extras)
        for line in dist.requires or []:
            dependency = Requirement(line)
            if dependency.marker is None or any(dependency.marker.evaluate({"extra": e})
                                                for e in extras or {""}):
                todo.append(dependency)
    return [installed[name] for name in sorted(extras_of)]


def copy_installed_file(source: Path, course_site: Path, target_site: Path,
                        venv: Path) -> None:
    """Put one file of an installed distribution where pip would install it in ``venv``."""
    if not source.is_file():
        return
    course_prefix = Path(sys.prefix)
    if source.is_relative_to(course_site):
        target = target_site / source.relative_to(course_site)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
    elif source.is_relative_to(course_prefix):
        relative = source.relative_to(course_prefix)
        target = venv / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        content = source.read_bytes()
        if relative.parts[0] == "bin":
            content = content.replace(f"{course_prefix}/bin/".encode(), f"{venv}/bin/".encode())
        target.unlink(missing_ok=True)
        target.write_bytes(content)
        target.chmod(source.stat().st_mode & 0o777)


# ------------------------------------------------------------------- the installation
def test_the_install_is_the_student_package_and_its_pins_only(student_env: StudentEnv) -> None:
    env = student_env
    probe = env.run("python", "-c", (
        "import importlib.metadata as m, importlib.util as u, json, helpers, sys\n"
        "print(json.dumps({'helpers': helpers.__file__, 'prefix': sys.prefix,\n"
        "  'missing': [n for n in ('grader', 'coursebuild', 'pytest', 'papermill')\n"
        "              if u.find_spec(n) is None],\n"
        "  'dists': sorted(d.metadata['Name'] for d in m.distributions())}))"), cwd=env.home)
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    assert found["prefix"] == str(env.clone / ".venv")
    assert Path(found["helpers"]).is_relative_to(env.clone / ".venv")  # installed, not the clone
    assert found["missing"] == ["grader", "coursebuild", "pytest", "papermill"]
    assert found["dists"].count("mlops-course") == 1

    check = env.run("python", "-m", "pip", "check")
    assert check.returncode == 0, check.stdout + check.stderr

    site = next((env.clone / ".venv" / "lib").glob("python3*/site-packages"))
    dist_info = next(site.glob("mlops_course-*.dist-info"))
    source = json.loads((dist_info / "direct_url.json").read_text())["url"]
    assert source == env.clone.as_uri()  # the clone's package, not the instructors'
    record = dist_info / "RECORD"
    installed = [line.split(",")[0] for line in record.read_text().splitlines()]
    assert {PurePosixPath(p).parts[0] for p in installed
            if not p.startswith("..") and ".dist-info" not in p and "__pycache__" not in p} \
        == {"helpers"}
    assert sorted(p.split("../../../")[1] for p in installed if p.startswith("../")) == [
        "etc/jupyter/jupyter_server_config.d/zz-mlops-course-students.json",
        "etc/jupyter/labconfig/page_config.json",
        "share/jupyter/kernels/python3/kernel.json"]

    specs = json.loads(env.run("jupyter", "kernelspec", "list", "--json").stdout)["kernelspecs"]
    assert list(specs) == ["python3"]
    assert specs["python3"]["spec"]["display_name"] == KERNEL_NAME
    assert Path(specs["python3"]["resource_dir"]).is_relative_to(env.clone / ".venv")


# ------------------------------------------------------------------ JupyterLab, browser
@dataclass
class Lab:
    """A JupyterLab server started from the student environment."""

    url: str
    token: str

    def get(self, path: str) -> int:
        """HTTP status of ``GET path`` with the token."""
        try:
            with urllib.request.urlopen(f"{self.url}{path}?token={self.token}", timeout=30) as r:
                return r.status
        except urllib.error.HTTPError as error:
            return error.code


def free_port() -> int:
    """A TCP port that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(ready, timeout: float, what: str, alive=lambda: True) -> None:
    """Poll ``ready()`` until it is true; fail after ``timeout`` s or if not ``alive()``."""
    deadline = time.monotonic() + timeout
    while not ready():
        assert alive(), f"{what}: the process ended"
        assert time.monotonic() < deadline, f"{what}: not ready after {timeout} s"
        time.sleep(0.3)


def stop(process: subprocess.Popen) -> None:
    """End a process we started in its own session, and its children (kernels, renderers).

    SIGTERM first; what lingers after 5 s is killed (the tests have shut their kernels
    down by then, and JupyterLab can take long to stop its extensions).
    """
    for signal_number, grace in ((signal.SIGTERM, 5), (signal.SIGKILL, 30)):
        try:
            os.killpg(process.pid, signal_number)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module")
def lab(student_env: StudentEnv) -> Iterator[Lab]:
    """``.venv/bin/jupyter lab``, as the README says, headless on a free port."""
    env = student_env
    port, token = free_port(), secrets.token_hex(16)
    log_path = env.home / "jupyterlab.log"
    started = time.monotonic()
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [str(env.bin / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1",
             f"--port={port}", f"--IdentityProvider.token={token}",
             f"--ServerApp.root_dir={env.clone}", "--expose-app-in-browser", "--allow-root"],
            cwd=env.clone, env=env.env(), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
    running = Lab(f"http://127.0.0.1:{port}", token)
    try:
        wait_for(lambda: _answers(running), 120, "JupyterLab",
                 alive=lambda: server.poll() is None)
        env.timings["JupyterLab start"] = time.monotonic() - started
        yield running
    finally:
        stop(server)
        shutil.copy(log_path, OUTPUT / "jupyterlab.log")


def _answers(lab: Lab) -> bool:
    try:
        return lab.get("/api/status") == 200
    except OSError:
        return False


def test_jupyter_server_has_no_formgrader(lab: Lab) -> None:
    assert lab.get("/formgrader") == 404  # 200 where nbgrader's defaults are left on
    assert lab.get("/lab") == 200


class DevTools:
    """A minimal client of Chromium's DevTools protocol, over one page's websocket."""

    def __init__(self, ws_url: str) -> None:
        self.socket = websocket.create_connection(ws_url, timeout=900, suppress_origin=True)
        self.last_id = 0

    def call(self, method: str, **params) -> dict:
        """Send a command and return its result (events in between are ignored)."""
        self.last_id += 1
        self.socket.send(json.dumps({"id": self.last_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.last_id:
                assert "error" not in message, f"{method}: {message['error']}"
                return message["result"]

    def js(self, expression: str) -> object:
        """Evaluate JavaScript in the page (awaiting a promise) and return its value."""
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True,
                           returnByValue=True)
        assert "exceptionDetails" not in result, json.dumps(result["exceptionDetails"])[:3000]
        return result["result"].get("value")

    def screenshot(self, path: Path) -> None:
        """Save the page as a PNG."""
        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot",
                                                    format="png")["data"]))


@pytest.fixture(scope="module")
def lab_page(student_env: StudentEnv, lab: Lab) -> Iterator[DevTools]:
    """JupyterLab open in headless Chromium (fresh profile); skipped without Chromium."""
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is not installed, so JupyterLab is not checked in a browser "
                    "(install it with `apt-get install -y chromium`; .ci/run does)")
    profile = Path(tempfile.mkdtemp(prefix="chromium-", dir=student_env.home))
    process = subprocess.Popen([str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                                "--remote-debugging-port=0", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        active = profile / "DevToolsActivePort"
        wait_for(lambda: active.is_file() and active.read_text().strip(), 60, "Chromium",
                 alive=lambda: process.poll() is None)
        port = active.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30) as r:
            page = next(t for t in json.load(r) if t["type"] == "page")
        browser = DevTools(page["webSocketDebuggerUrl"])
        started = time.monotonic()
        browser.call("Page.navigate", url=f"{lab.url}/lab?token={lab.token}")
        wait_for(lambda: browser.js("Boolean(window.jupyterapp)"), 120, "JupyterLab page")
        browser.js("window.jupyterapp.restored.then(() => true)")
        student_env.timings["Chromium: JupyterLab loaded"] = time.monotonic() - started
        yield browser
        browser.socket.close()
    finally:
        stop(process)


APP_STATE = """(() => {
  const app = window.jupyterapp;
  const plugins = %s;
  return {
    plugins: Object.fromEntries(plugins.map(p => [p, app.hasPlugin(p)])),
    commands: app.commands.listCommands().filter(c => c.startsWith('nbgrader:')).sort(),
    text: document.body.innerText,
  };
})()"""


def test_jupyterlab_shows_the_student_tools_only(lab_page: DevTools) -> None:
    time.sleep(2)  # where it is not disabled, the news question shows by now
    state = lab_page.js(APP_STATE % json.dumps([*INSTRUCTOR_PLUGINS, *STUDENT_PLUGINS]))

    assert state["plugins"] == {**dict.fromkeys(INSTRUCTOR_PLUGINS, False),
                                **dict.fromkeys(STUDENT_PLUGINS, True)}
    assert state["commands"] == ["nbgrader:open-assignment-list"]
    assert "official Jupyter news" not in state["text"]
    assert "Create Assignment" not in state["text"]
    lab_page.screenshot(OUTPUT / "jupyterlab.png")


# ---------------------------------------------------------------------- the notebooks
RUN_NOTEBOOK = """(async () => {
  const app = window.jupyterapp;
  const panel = await app.commands.execute('docmanager:open', {path: %s, factory: 'Notebook'});
  window.studentPanel = panel;
  await panel.context.ready;
  await panel.sessionContext.ready;
  const stop = %d;
  panel.content.activeCellIndex = stop;
  await app.commands.execute('notebook:run-all-above');
  const cells = panel.context.model.toJSON().cells.slice(0, stop);
  const errors = [];
  cells.forEach((cell, index) => {
    const tags = (cell.metadata && cell.metadata.tags) || [];
    (cell.outputs || []).forEach(output => {
      if (output.output_type === 'error' && !tags.includes('raises-exception')) {
        errors.push([index, output.ename, output.evalue]);
      }
    });
  });
  try { await panel.content.scrollToItem(stop - 1, 'start'); } catch (e) {}
  await new Promise(resolve => setTimeout(resolve, 500));
  return {
    kernel: panel.sessionContext.kernelDisplayName,
    errors,
    unrun: cells.filter(c => c.cell_type === 'code' && !c.execution_count).length,
    toolbar: panel.toolbar.node.innerText,
    dialog: document.querySelector('.jp-Dialog') !== null,
  };
})()"""

CLOSE_NOTEBOOK = """(async () => {
  const panel = window.studentPanel;
  await panel.sessionContext.shutdown();
  panel.dispose();
  return true;
})()"""

RUN_TO_FIRST_EXERCISE = """
import json, sys
import nbformat
from nbclient import NotebookClient

results = {}
for path, stop in json.loads(sys.argv[1]):
    nb = nbformat.read(path, as_version=4)
    nb.cells = nb.cells[:stop]
    NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": path.rsplit("/", 1)[0]}}).execute()
    results[path] = [
        [index, output.get("ename"), output.get("evalue")]
        for index, cell in enumerate(nb.cells) if cell.cell_type == "code"
        and "raises-exception" not in cell.metadata.get("tags", [])
        for output in cell.get("outputs", []) if output.output_type == "error"]
print(json.dumps(results))
"""


def run_in_jupyterlab(env: StudentEnv, page: DevTools) -> dict[str, object]:
    """Open each notebook in JupyterLab, run it to its first exercise, keep a screenshot."""
    failures = {}
    for notebook in env.notebooks():
        relative = notebook.relative_to(env.clone).as_posix()
        result = page.js(RUN_NOTEBOOK % (json.dumps(relative), first_exercise(notebook)))
        page.screenshot(OUTPUT / f"jupyterlab-{notebook.stem}.png")
        page.js(CLOSE_NOTEBOOK)
        problems = {key: result[key] for key in ("errors", "unrun", "dialog") if result[key]}
        if result["kernel"] != KERNEL_NAME:
            problems["kernel"] = result["kernel"]
        if "Validate" not in result["toolbar"]:
            problems["toolbar"] = result["toolbar"]
        if problems:
            failures[notebook.stem] = problems
    return failures


def run_with_nbclient(env: StudentEnv) -> dict[str, object]:
    """Run each notebook to its first exercise with nbclient, in the student environment."""
    jobs = [[str(nb), first_exercise(nb)] for nb in env.notebooks()]
    done = env.run("python", "-c", RUN_TO_FIRST_EXERCISE, json.dumps(jobs), timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    errors = json.loads(done.stdout.splitlines()[-1])
    assert sorted(errors) == sorted(str(nb) for nb in env.notebooks())
    return {Path(path).stem: found for path, found in errors.items() if found}


def test_released_notebooks_run_to_their_first_exercise(student_env: StudentEnv,
                                                        request: pytest.FixtureRequest) -> None:
    """In JupyterLab in Chromium where it is installed (as students run them), else nbclient."""
    env = student_env
    started = time.monotonic()
    if CHROMIUM.is_file():
        how = "JupyterLab in Chromium"
        failures = run_in_jupyterlab(env, request.getfixturevalue("lab_page"))
    else:
        how = "nbclient"
        warnings.warn(f"{CHROMIUM} is missing: the notebooks run with nbclient, not in "
                      "JupyterLab", stacklevel=1)
        failures = run_with_nbclient(env)
    env.timings[f"{how}: {len(env.weeks)} notebooks up to their first exercise"] = \
        time.monotonic() - started
    assert failures == {}, f"{how}:\n{json.dumps(failures, indent=1)}"


def test_nbclient_runs_a_notebook_in_the_student_environment(student_env: StudentEnv) -> None:
    """The runner used where Chromium is missing works too (on 02-sampling)."""
    env = StudentEnv(student_env.clone, student_env.home, ["02-sampling"])
    started = time.monotonic()
    assert run_with_nbclient(env) == {}
    student_env.timings[f"nbclient: {env.weeks[0]} up to its first exercise"] = \
        time.monotonic() - started
