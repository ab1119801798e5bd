"""Turn pipeline code into an installable package, offline (the Modularization week).

The week takes one component out of RiskNet's first training script, makes it a package
(``pyproject.toml``, an ``__init__.py``, docstrings, tests), builds a wheel, installs the
wheel into a throwaway virtual environment and runs the package's tests there. Everything
works without a network, and under the course grader's sandbox:

:data:`RISKNET_SCRIPT`
    The script, as a notebook export looks: globals, a ``sys.path`` hack, functions.
:data:`LOANFEATURES_PROJECT`
    The files of a package made from the script's feature functions: ``pyproject.toml``,
    ``src/loanfeatures/`` and a test suite.
:func:`function_facts`
    For each function of a script: its size, the script's functions it calls, and the
    calls with side effects it makes (printing, writing files, plotting).
:func:`module_overview`
    The modules of an installed package: lines, public names and first docstring line,
    read from the source without importing anything.
:func:`write_files`
    Write a ``{relative path: text}`` mapping under a folder (a project's files).
:func:`build_wheel`
    Build a wheel of a pure-Python project from its ``pyproject.toml`` ``[project]`` table.
    The course's environment has no network, no ``build`` package, and a setuptools too
    old to build wheels without the ``wheel`` package, so the usual ``python -m build``
    cannot run here; this writes the files a build backend writes for a pure-Python package
    (the binary distribution format), and pip installs the result like any wheel.
:func:`throwaway_environment`, :func:`pip_install`, :func:`run_python`
    A fresh virtual environment without pip (fast), pip's ``--python`` option to install
    into it, and a clean subprocess to run code there.
"""

from __future__ import annotations

import ast
import base64
import csv
import hashlib
import io
import os
import re
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath

import pandas as pd
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

__all__ = [
    "LOANFEATURES_PROJECT",
    "RISKNET_SCRIPT",
    "SIDE_EFFECT_CALLS",
    "build_wheel",
    "function_facts",
    "module_overview",
    "pip_install",
    "run_python",
    "throwaway_environment",
    "write_files",
]

#: RiskNet's first training script, as it came out of a notebook (read it, do not run it:
#: it expects a ``src/`` folder and an ``output/`` folder beside the notebook).
RISKNET_SCRIPT = '''\
# risknet_train.py -- exported from RiskNet's exploration notebook
import sys
sys.path.append("../src")  # package imports didn't work

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from helpers.data import make_loans

SEED = 42
REFERENCE_DATE = pd.Timestamp("2025-01-01")
THRESHOLD = 0.5
FEATURES = ["credit_score", "debt_to_income", "loan_to_income", "monthly_payment",
            "days_since_application", "past_delinquencies"]

loans = make_loans(5_000, seed=SEED)


def add_ratios(df):
    """Loan-to-income ratio and the monthly payment without interest."""
    out = df.copy()
    out["loan_to_income"] = out["loan_amount"] / out["annual_income"]
    out["monthly_payment"] = out["loan_amount"] / out["term_months"]
    return out


def add_age_of_application(df):
    out = df.copy()
    out["days_since_application"] = (REFERENCE_DATE - out["application_date"]).dt.days
    return out


def fill_missing(df):
    medians = loans[["annual_income", "employment_years"]].median()
    return df.fillna(medians)


def split(df):
    return train_test_split(df, test_size=0.25, random_state=SEED, stratify=df["defaulted"])


def train(train_df):
    model = LogisticRegression(max_iter=1_000)
    model.fit(train_df[FEATURES].fillna(0), train_df["defaulted"])
    return model


def flag_risky(model, df):
    scores = model.predict_proba(df[FEATURES].fillna(0))[:, 1]
    return df.assign(risk_score=scores, risky=scores >= THRESHOLD)


def report(model, test_df):
    flagged = flag_risky(model, test_df)
    print(f"flagged {flagged['risky'].mean():.1%} of {len(flagged)} applications")
    flagged.to_csv("../output/flagged.csv", index=False)


loans = fill_missing(add_age_of_application(add_ratios(loans)))
train_df, test_df = split(loans)
model = train(train_df)
report(model, test_df)
'''

#: The files of the package Section 5 of the week builds from RiskNet's feature functions
#: (``risknet-loan-features``, imported as ``loanfeatures``), as ``{relative path: text}``.
#: They live here rather than in a notebook cell because IPython strips ``>>>`` prompts from
#: a cell's lines, even inside strings, which would break the docstrings' doctests.
LOANFEATURES_PROJECT: dict[str, str] = {
    "pyproject.toml": """\
[build-system]
requires = ["setuptools>=77"]
build-backend = "setuptools.build_meta"

[project]
name = "risknet-loan-features"
version = "0.1.0"
description = "Feature functions for RiskNet's loan applications"
readme = "README.md"
requires-python = ">=3.11"
dependencies = [
    "pandas>=2.2",   # DataFrames in and out; Series.dt for dates
]

[project.optional-dependencies]
test = ["pytest>=8"]   # pip install "risknet-loan-features[test]", then pytest
""",
    "README.md": """\
# risknet-loan-features

Feature functions for RiskNet's loan applications, shared by training and serving:
`add_ratios`, `add_age_of_application`, `training_medians` and `fill_missing`.

## Install

```bash
pip install "git+https://github.com/<your-account>/risknet-loan-features@v0.1.0"
```

## Use

```python
import loanfeatures

train = loanfeatures.add_ratios(train)
medians = loanfeatures.training_medians(train)  # learned on the training rows only
test = loanfeatures.fill_missing(loanfeatures.add_ratios(test), medians)
```

Every function returns a new table and leaves its input unchanged; see the docstrings.

## Develop

```bash
python -m venv .venv && source .venv/bin/activate   # Windows: .venv\\Scripts\\activate
python -m pip install -e ".[test]"
python -m pytest tests --doctest-modules --pyargs loanfeatures
```

To release, bump the version in `pyproject.toml` and in `src/loanfeatures/__init__.py`,
run `python -m build` (it writes the wheel and the source distribution to `dist/`), and tag
the commit (`git tag v0.2.0`).
""",
    ".gitignore": """\
__pycache__/
*.egg-info/
build/
dist/
.venv/
""",
    ".github/workflows/tests.yml": """\
# Install the package with its test extra and run the tests and doctests on every push.
name: tests
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python-version: ["3.11", "3.12"]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
      - run: python -m pip install ".[test]"
      - run: python -m pytest tests --doctest-modules --pyargs loanfeatures
""",
    "src/loanfeatures/__init__.py": '''\
"""Feature functions for RiskNet's loan applications."""

from .cleaning import fill_missing, training_medians
from .features import add_age_of_application, add_ratios

__version__ = "0.1.0"
__all__ = ["add_age_of_application", "add_ratios", "fill_missing", "training_medians"]
''',
    "src/loanfeatures/features.py": '''\
"""Features computed row by row: no state, nothing learned from data."""

import pandas as pd

__all__ = ["add_age_of_application", "add_ratios"]


def add_ratios(loans):
    """Return a copy of ``loans`` with ``loan_to_income`` and ``monthly_payment``.

    Parameters
    ----------
    loans : pandas.DataFrame
        Needs ``loan_amount``, ``annual_income`` and ``term_months``.

    Returns
    -------
    pandas.DataFrame
        A new table; ``loans`` is not modified.

    Examples
    --------
    >>> import pandas as pd
    >>> row = pd.DataFrame({"loan_amount": [12_000.0], "annual_income": [48_000.0],
    ...                     "term_months": [24]})
    >>> add_ratios(row)[["loan_to_income", "monthly_payment"]].iloc[0].tolist()
    [0.25, 500.0]
    """
    out = loans.copy()
    out["loan_to_income"] = out["loan_amount"] / out["annual_income"]
    out["monthly_payment"] = out["loan_amount"] / out["term_months"]
    return out


def add_age_of_application(loans, *, reference_date):
    """Return a copy of ``loans`` with ``days_since_application`` at ``reference_date``.

    Examples
    --------
    >>> import pandas as pd
    >>> row = pd.DataFrame({"application_date": pd.to_datetime(["2024-12-01"])})
    >>> add_age_of_application(row, reference_date="2025-01-01")["days_since_application"].tolist()
    [31]
    """
    out = loans.copy()
    reference = pd.Timestamp(reference_date)
    out["days_since_application"] = (reference - out["application_date"]).dt.days
    return out
''',
    "src/loanfeatures/cleaning.py": '''\
"""Missing values: learn the medians on training rows, apply them anywhere."""

__all__ = ["fill_missing", "training_medians"]


def training_medians(train, columns=("annual_income", "employment_years")):
    """Medians of ``columns`` in the training rows (a Series indexed by column).

    Examples
    --------
    >>> import pandas as pd
    >>> train = pd.DataFrame({"annual_income": [30.0, None, 50.0]})
    >>> training_medians(train, ["annual_income"]).tolist()
    [40.0]
    """
    return train[list(columns)].median()


def fill_missing(loans, medians):
    """Return a copy of ``loans`` with missing values replaced by ``medians``.

    Examples
    --------
    >>> import pandas as pd
    >>> test = pd.DataFrame({"annual_income": [None, 70.0]})
    >>> fill_missing(test, pd.Series({"annual_income": 40.0}))["annual_income"].tolist()
    [40.0, 70.0]
    """
    return loans.fillna(medians)
''',
    "tests/test_loanfeatures.py": '''\
import pandas as pd

import loanfeatures


def small_table():
    return pd.DataFrame({
        "loan_amount": [12_000.0, 5_000.0, 20_000.0],
        "annual_income": [48_000.0, None, 80_000.0],
        "employment_years": [2.0, 10.0, None],
        "term_months": [24, 12, 60],
        "application_date": pd.to_datetime(["2024-12-01", "2024-06-30", "2023-01-01"]),
    })


def test_public_api():
    assert sorted(loanfeatures.__all__) == ["add_age_of_application", "add_ratios",
                                            "fill_missing", "training_medians"]


def test_add_ratios_leaves_its_input_alone():
    table = small_table()
    before = table.copy()
    out = loanfeatures.add_ratios(table)
    pd.testing.assert_frame_equal(table, before)
    assert out["monthly_payment"].tolist() == [500.0, 5_000.0 / 12, 20_000.0 / 60]


def test_age_of_application_uses_the_reference_date():
    out = loanfeatures.add_age_of_application(small_table(), reference_date="2025-01-01")
    assert out["days_since_application"].tolist() == [31, 185, 731]


def test_medians_come_from_the_training_rows_only():
    train, test = small_table().iloc[:2], small_table().iloc[2:]
    medians = loanfeatures.training_medians(train)
    filled = loanfeatures.fill_missing(test, medians)
    assert filled["employment_years"].tolist() == [6.0]   # median of 2 and 10, not of all rows
''',
}

#: Calls that reach outside a function: printing, files, plots, the global random state.
SIDE_EFFECT_CALLS = frozenset({
    "print", "open", "to_csv", "to_parquet", "to_pickle", "savefig", "show", "write_text",
    "write_bytes", "mkdir", "seed", "chdir", "remove", "unlink",
})

#: Top-level folders a flat layout never treats as packages (as setuptools' discovery).
_NOT_PACKAGES = frozenset({
    "tests", "test", "docs", "doc", "examples", "example", "scripts", "tools", "build",
    "dist", "venv", "env", "site-packages", "benchmarks", "notebooks", "output",
})
_NAME = re.compile(r"^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", re.IGNORECASE)
_SUPPORTED = frozenset({"name", "version", "description", "readme", "requires-python",
                        "dependencies", "optional-dependencies", "scripts", "license",
                        "authors", "maintainers", "keywords", "classifiers", "urls"})
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same sources give the same bytes


# ----------------------------------------------------------------------------- reading code
def _called_name(call: ast.Call) -> str | None:
    """``print`` for ``print(...)``, ``to_csv`` for ``df.to_csv(...)``, else None."""
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def function_facts(source: str) -> pd.DataFrame:
    """Describe each top-level function of a script: size, calls, side effects.

    Parameters
    ----------
    source : str
        Python source code.

    Returns
    -------
    pandas.DataFrame
        One row per top-level function, in the order of the source, indexed by name, with
        columns ``lines`` (lines of the definition), ``calls`` (the script's own functions
        it calls, sorted), ``called_by`` (the script's functions that call it, sorted) and
        ``side_effects`` (calls named in :data:`SIDE_EFFECT_CALLS`, sorted).

    Raises
    ------
    TypeError
        If ``source`` is not a string.
    ValueError
        If ``source`` is not valid Python.

    Examples
    --------
    >>> facts = function_facts(RISKNET_SCRIPT)
    >>> facts.loc["report", "side_effects"]
    ['print', 'to_csv']
    >>> facts.loc["flag_risky", "called_by"], int(facts.loc["add_ratios", "lines"])
    (['report'], 6)

    """
    if not isinstance(source, str):
        raise TypeError(f"source must be a string of Python code, got {type(source).__name__}")
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        raise ValueError(f"source is not valid Python: {err}") from err
    functions = [node for node in tree.body
                 if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
    names = {node.name for node in functions}
    rows = {}
    for node in functions:
        called = {_called_name(n) for n in ast.walk(node) if isinstance(n, ast.Call)}
        rows[node.name] = {
            "lines": node.end_lineno - node.lineno + 1,
            "calls": sorted(called & names - {node.name}),
            "side_effects": sorted(called & SIDE_EFFECT_CALLS),
        }
    for name, row in rows.items():
        row["called_by"] = sorted(other for other, r in rows.items() if name in r["calls"])
    columns = ["lines", "calls", "called_by", "side_effects"]
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns).rename_axis("function")


def module_overview(package_dir: str | os.PathLike[str]) -> pd.DataFrame:
    r"""Summarise the modules of a package from their source, without importing them.

    Parameters
    ----------
    package_dir : str or path-like
        The package's folder (the one holding ``__init__.py``), for example
        ``Path(helpers.__file__).parent``.

    Returns
    -------
    pandas.DataFrame
        One row per module (``.py`` file) of the package and of its subpackages (folders
        with an ``__init__.py``), sorted and indexed by the dotted module name (a package's
        ``__init__.py`` is listed under the package's own name), with columns ``lines``
        (lines of the file), ``public`` (names in its ``__all__`` literal; 0 without one),
        ``doctests`` (``>>>`` lines in its docstrings) and ``summary`` (first line of the
        module docstring, or "").

    Raises
    ------
    ValueError
        If ``package_dir`` holds no ``__init__.py``.

    Examples
    --------
    >>> from pathlib import Path
    >>> import helpers
    >>> overview = module_overview(Path(helpers.__file__).parent)
    >>> overview.loc["helpers.modularization", "summary"]
    'Turn pipeline code into an installable package, offline (the Modularization week).'
    >>> bool((overview["lines"] > 0).all())
    True

    """
    folder = Path(package_dir)
    if not (folder / "__init__.py").is_file():
        raise ValueError(f"package_dir must be a package folder with an __init__.py: {folder}")
    rows = {}
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(folder).parts
        inside = [folder.joinpath(*parts[:depth]) for depth in range(1, len(parts))]
        if not all((sub / "__init__.py").is_file() for sub in inside):
            continue  # a plain folder (scripts, data, __pycache__), not a subpackage
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        public = 0
        for node in tree.body:
            if (isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
                    and isinstance(node.value, ast.List | ast.Tuple)):
                public = len(node.value.elts)
        doctests = 0
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef
                          | ast.AsyncFunctionDef):
                doc = ast.get_docstring(node) or ""
                doctests += sum(line.lstrip().startswith(">>>") for line in doc.splitlines())
        summary = (ast.get_docstring(tree) or "").strip().splitlines()
        dotted = [folder.name, *parts[:-1]] + ([] if path.stem == "__init__" else [path.stem])
        module = ".".join(dotted)
        rows[module] = {"lines": len(text.splitlines()), "public": public,
                        "doctests": doctests, "summary": summary[0] if summary else ""}
    columns = ["lines", "public", "doctests", "summary"]
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns).rename_axis("module")


# ----------------------------------------------------------------------------- files
def write_files(root: str | os.PathLike[str], files: Mapping[str, str]) -> list[Path]:
    r"""Write text files under ``root``, creating folders as needed.

    Parameters
    ----------
    root : str or path-like
        The folder to write into (created if missing).
    files : mapping of str to str
        Relative POSIX paths (``"src/loanfeatures/__init__.py"``) to file contents.

    Returns
    -------
    list of pathlib.Path
        The files written, in the order given.

    Raises
    ------
    ValueError
        If a path is absolute or leaves ``root`` (``..``).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [p.name for p in write_files(folder, {"pkg/__init__.py": "# a package\n"})]
    ['__init__.py']

    """
    base = Path(root)
    written = []
    for relative, text in files.items():
        posix = PurePosixPath(relative)
        if posix.is_absolute() or ".." in posix.parts or not posix.parts:
            raise ValueError(f"files: {relative!r} must be a relative path inside root")
        if not isinstance(text, str):
            raise TypeError(f"files: the content of {relative!r} must be a str")
        target = base.joinpath(*posix.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


# ----------------------------------------------------------------------------- wheels
def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode("ascii")


def _package_root(project: Path, table: Mapping) -> Path:
    """Where the packages live: ``tool.setuptools.packages.find.where``, ``src/`` or the root."""
    where = (table.get("tool", {}).get("setuptools", {}).get("packages", {})
             .get("find", {}).get("where"))
    if where:
        return project / where[0]
    return project / "src" if (project / "src").is_dir() else project


def _package_files(root: Path) -> dict[str, bytes]:
    """The files of every top-level package under ``root`` (folders with ``__init__.py``)."""
    files = {}
    for init in sorted(root.glob("*/__init__.py")):
        package = init.parent
        if package.name in _NOT_PACKAGES or not package.name.isidentifier():
            continue
        for path in sorted(package.rglob("*")):
            if path.is_dir() or "__pycache__" in path.parts or path.suffix in {".pyc", ".pyo"}:
                continue
            files[path.relative_to(root).as_posix()] = path.read_bytes()
    return files


def _people(entries: list, key: str) -> list[str]:
    """``Author``/``Author-email`` (or ``Maintainer...``) lines for ``authors``/``maintainers``."""
    names = [e["name"] for e in entries if "name" in e and "email" not in e]
    emails = [f"{e['name']} <{e['email']}>" if "name" in e else e["email"]
              for e in entries if "email" in e]
    return ([f"{key}: {', '.join(names)}"] if names else []) + (
        [f"{key}-email: {', '.join(emails)}"] if emails else [])


def _readme(readme: str | Mapping, folder: Path) -> tuple[str, str]:
    """The long description and its content type, from ``project.readme`` (PEP 621)."""
    if isinstance(readme, str):
        readme = {"file": readme}
    if "text" in readme:
        text = readme["text"]
    else:
        path = folder / readme.get("file", "")
        if not path.is_file():
            raise ValueError(f"project.readme names {readme.get('file')!r}, which is not a "
                             "file of the project")
        text = path.read_text(encoding="utf-8")
    kinds = {".md": "text/markdown", ".rst": "text/x-rst"}
    kind = readme.get("content-type") or kinds.get(Path(readme.get("file", "")).suffix.lower(),
                                                   "text/plain")
    return text, kind


def _metadata(project: Mapping, folder: Path) -> str:
    """Core metadata (the ``METADATA`` file) from a ``[project]`` table, as PEP 621 maps it.

    Metadata-Version 2.1, or 2.4 when ``license`` is an SPDX expression (the
    ``License-Expression`` field is new in 2.4).
    """
    description = project.get("description", "")
    if "\n" in description or "\r" in description:
        raise ValueError("project.description must be one line (it becomes the Summary field)")
    license_ = project.get("license")
    if isinstance(license_, Mapping) and "text" not in license_:
        raise ValueError("build_wheel supports license = \"<SPDX expression>\" or "
                         "license = {text = ...}; build a project with license files with a "
                         "real backend (python -m build)")
    version = "2.4" if isinstance(license_, str) else "2.1"
    lines = [f"Metadata-Version: {version}", f"Name: {project['name']}",
             f"Version: {project['version']}"]
    if description:
        lines.append(f"Summary: {description}")
    lines += _people(project.get("authors", []), "Author")
    lines += _people(project.get("maintainers", []), "Maintainer")
    if isinstance(license_, str):
        lines.append(f"License-Expression: {license_}")
    elif isinstance(license_, Mapping):
        lines.append(f"License: {license_['text']}")
    if project.get("keywords"):
        lines.append("Keywords: " + ",".join(project["keywords"]))
    lines += [f"Classifier: {classifier}" for classifier in project.get("classifiers", [])]
    lines += [f"Project-URL: {label}, {url}" for label, url in project.get("urls", {}).items()]
    if project.get("requires-python"):
        lines.append(f"Requires-Python: {project['requires-python']}")
    lines += [f"Requires-Dist: {requirement}" for requirement in project.get("dependencies", [])]
    for extra, requirements in project.get("optional-dependencies", {}).items():
        extra = canonicalize_name(extra)  # PEP 685: extras are compared normalised
        lines.append(f"Provides-Extra: {extra}")
        for requirement in requirements:
            parsed = Requirement(requirement)
            marker = f'extra == "{extra}"'
            if parsed.marker is not None:
                marker = f"({parsed.marker}) and {marker}"
            parsed.marker = None
            lines.append(f"Requires-Dist: {parsed}; {marker}")
    body = ""
    if project.get("readme"):
        text, kind = _readme(project["readme"], folder)
        lines.append(f"Description-Content-Type: {kind}")
        body = "\n" + text
    return "\n".join(lines) + "\n" + body


def build_wheel(project_dir: str | os.PathLike[str],
                wheel_dir: str | os.PathLike[str]) -> Path:
    r"""Build a pure-Python wheel of a project from its ``pyproject.toml``.

    A stand-in, for this offline course environment, for what ``python -m build --wheel``
    (or ``pip wheel .``) does with a real build backend such as setuptools: read the
    ``[project]`` table (PEP 621), find the packages (a ``src/`` layout, a flat layout, or
    ``[tool.setuptools.packages.find] where``; folders named ``tests``, ``docs`` and the
    like are not packages), and write a ``.whl`` zip archive in the binary distribution
    format: the packages at its top level and a ``<name>-<version>.dist-info`` folder with
    ``METADATA`` (core metadata), ``WHEEL``, ``entry_points.txt`` (for
    ``[project.scripts]``) and ``RECORD`` (the urlsafe-base64 sha256 digest and size of
    every file; RECORD's own line has neither). Timestamps are fixed, so the same sources
    give the same bytes.

    It is deliberately small: pure-Python packages only (tag ``py3-none-any``), no sdist,
    no ``dynamic`` metadata, no license files, and every file inside a package folder is
    shipped (setuptools ships only ``.py`` files unless package data is configured). On
    your own machine, use ``python -m build``.

    Parameters
    ----------
    project_dir : str or path-like
        The project's folder, holding ``pyproject.toml``.
    wheel_dir : str or path-like
        Where to write the wheel (created if missing).

    Returns
    -------
    pathlib.Path
        The wheel, named ``<name>-<version>-py3-none-any.whl`` with the name normalised.

    Raises
    ------
    ValueError
        If ``pyproject.toml`` is missing, is not valid TOML, has no ``[project]`` table, an
        invalid name or version, keys this builder does not support (use a real build
        backend for those), or if no package is found.

    Examples
    --------
    >>> import tempfile, zipfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = write_files(folder, {
    ...         "pyproject.toml": '[project]\nname = "Loan-Tools"\nversion = "1.0"\n',
    ...         "src/loantools/__init__.py": "# loan tools\n",
    ...         "tests/test_loantools.py": "import loantools\n"})
    ...     wheel = build_wheel(folder, Path(folder) / "dist")
    ...     names = zipfile.ZipFile(wheel).namelist()
    >>> wheel.name
    'loan_tools-1.0-py3-none-any.whl'
    >>> for name in names:
    ...     print(name)
    loantools/__init__.py
    loan_tools-1.0.dist-info/METADATA
    loan_tools-1.0.dist-info/WHEEL
    loan_tools-1.0.dist-info/RECORD

    """
    folder = Path(project_dir)
    pyproject = folder / "pyproject.toml"
    if not pyproject.is_file():
        raise ValueError(f"project_dir must hold a pyproject.toml: {folder}")
    try:
        table = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise ValueError(f"{pyproject} is not valid TOML: {err}") from err
    project = table.get("project")
    if not isinstance(project, dict) or "name" not in project or "version" not in project:
        raise ValueError(f"{pyproject} needs a [project] table with a name and a version")
    unsupported = sorted(set(project) - _SUPPORTED)
    if unsupported:
        raise ValueError(f"build_wheel does not support project keys {unsupported}; "
                         "build this project with a real backend (python -m build)")
    name = project["name"]
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(f"project.name {name!r} is not a valid distribution name")
    try:
        version = str(Version(str(project["version"])))
    except InvalidVersion as err:
        raise ValueError(
            f"project.version {project['version']!r} is not a PEP 440 version") from err
    project = {**project, "version": version}
    requirements = [*project.get("dependencies", []),
                    *(r for group in project.get("optional-dependencies", {}).values()
                      for r in group)]
    for requirement in requirements:
        try:
            Requirement(requirement)
        except InvalidRequirement as err:
            raise ValueError(f"dependency {requirement!r} is not a valid requirement") from err

    files = _package_files(_package_root(folder, table))
    if not files:
        raise ValueError(f"no package (a folder with an __init__.py) found in {folder}")
    stem = f"{re.sub(r'[-_.]+', '_', name).lower()}-{version}"
    info = f"{stem}.dist-info"
    files[f"{info}/METADATA"] = _metadata(project, folder).encode("utf-8")
    files[f"{info}/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: helpers.modularization\n"
                              b"Root-Is-Purelib: true\nTag: py3-none-any\n")
    if project.get("scripts"):
        entry_points = "[console_scripts]\n" + "".join(
            f"{command} = {target}\n" for command, target in project["scripts"].items())
        files[f"{info}/entry_points.txt"] = entry_points.encode("utf-8")
    record = io.StringIO(newline="")
    rows = [(path, _record_hash(data), len(data)) for path, data in files.items()]
    csv.writer(record, lineterminator="\n").writerows([*rows, (f"{info}/RECORD", "", "")])
    files[f"{info}/RECORD"] = record.getvalue().encode("utf-8")  # RECORD lists itself, unhashed

    out = Path(wheel_dir)
    out.mkdir(parents=True, exist_ok=True)
    wheel = out / f"{stem}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            member = zipfile.ZipInfo(path, date_time=_ZIP_DATE)
            member.external_attr = 0o644 << 16
            member.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(member, data)
    return wheel


# ----------------------------------------------------------------------------- environments
def _clean_environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """A minimal environment for subprocesses: no PYTHONPATH, no pip settings."""
    keep = {name: os.environ[name] for name in ("PATH", "HOME", "LANG", "TMPDIR", "SYSTEMROOT")
            if name in os.environ}
    keep.setdefault("PATH", os.defpath)
    return {**keep, **(extra or {})}


def _python_of(env_dir: Path) -> Path:
    # absolute, not resolved: resolving would follow the link out of the environment
    return Path(os.path.abspath(env_dir)) / ("Scripts/python.exe" if os.name == "nt"
                                             else "bin/python")


def throwaway_environment(env_dir: str | os.PathLike[str], *,
                          see_installed: bool = True) -> Path:
    """Create a virtual environment without pip, and return its Python.

    ``python -m venv --without-pip`` takes a fraction of a second, where installing pip
    into a new environment (ensurepip) takes seconds. pip is not needed inside: the
    course's pip installs into it with ``--python`` (see :func:`pip_install`).

    Parameters
    ----------
    env_dir : str or path-like
        Folder of the new environment; it must not exist yet or be empty.
    see_installed : bool, default True
        Let the environment see the packages installed in the running (course)
        environment, below its own, through one ``.pth`` file: the offline stand-in for
        installing the dependencies (numpy, pandas, pytest) from an index. The course's
        own editable packages (``helpers``...) are not visible, and whatever is installed
        into the new environment comes first. (Python's ``site`` module adds each line of
        a ``.pth`` file in ``site-packages`` to ``sys.path``, after ``site-packages``
        itself, but does not read the ``.pth`` files inside the folders it adds; the
        course's editable installs are such ``.pth`` files, so they stay invisible.)

    Returns
    -------
    pathlib.Path
        The new environment's Python executable.

    Raises
    ------
    ValueError
        If ``env_dir`` exists and is not an empty folder.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     python = throwaway_environment(Path(folder) / "env", see_installed=False)
    ...     print(run_python(python, "import sys; print(sys.prefix != sys.base_prefix)"))
    True
    <BLANKLINE>

    """
    folder = Path(env_dir)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ValueError(f"env_dir must be a new or empty folder: {folder}")
    venv.EnvBuilder(with_pip=False, symlinks=os.name != "nt", clear=False).create(folder)
    python = _python_of(folder)
    if see_installed:
        site_packages = run_python(
            python, "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip()
        paths = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
        lines = "".join(f"{path}\n" for path in paths if Path(path).is_dir())
        Path(site_packages, "_see_course_environment.pth").write_text(lines, encoding="utf-8")
    return python


def pip_install(python: str | os.PathLike[str], wheel: str | os.PathLike[str], *,
                no_deps: bool = False) -> str:
    """Install a wheel into another environment with the running environment's pip, offline.

    Runs ``python -m pip --python <python> install --no-index ...`` (pip 22.3 or later):
    nothing is downloaded, pip's settings from the environment and config files are
    ignored (``--isolated``), and no cache is written. Without ``no_deps``, pip checks that
    every dependency the wheel declares is already installed where ``python`` looks. What
    the target sees through :func:`throwaway_environment`'s ``.pth`` file is never removed:
    pip does not uninstall distributions outside the environment it installs into.

    Parameters
    ----------
    python : str or path-like
        The target environment's Python (from :func:`throwaway_environment`).
    wheel : str or path-like
        The wheel to install.
    no_deps : bool, default False
        Skip the dependency check.

    Returns
    -------
    str
        pip's output.

    Raises
    ------
    RuntimeError
        If pip fails; the message holds pip's own error output.
    """
    command = [sys.executable, "-m", "pip", "--python", str(python), "install", "--isolated",
               "--no-index", "--no-cache-dir", "--disable-pip-version-check", "--no-input",
               "--no-warn-script-location"]
    if no_deps:
        command.append("--no-deps")
    command.append(str(wheel))
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          env=_clean_environment({"PIP_NO_INPUT": "1"}))
    if done.returncode != 0:
        raise RuntimeError(f"pip could not install {Path(wheel).name}:\n{done.stderr.strip()}")
    return done.stdout


def run_python(python: str | os.PathLike[str], code: str | None = None, *,
               args: Iterable[str] = (), cwd: str | os.PathLike[str] | None = None,
               check: bool = True) -> str:
    """Run code with another environment's Python, in a clean subprocess; return its output.

    Parameters
    ----------
    python : str or path-like
        The Python executable.
    code : str or None
        Code for ``python -c``; ``None`` to pass only ``args``.
    args : iterable of str, default ()
        Further arguments (``["-m", "pytest", "-q"]`` with ``code=None``).
    cwd : str or path-like or None
        Working folder (default: the current one).
    check : bool, default True
        Raise when the process fails.

    Returns
    -------
    str
        What the process printed (standard output, then standard error).

    Raises
    ------
    RuntimeError
        If ``check`` and the process exits with an error; the message holds its output.

    Examples
    --------
    >>> print(run_python(sys.executable, "print(6 * 7)"))
    42
    <BLANKLINE>

    """
    command = [os.path.abspath(python), *(["-c", code] if code is not None else []), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=cwd,
                          env=_clean_environment({"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
                                                  "PYTHONDONTWRITEBYTECODE": "1"}))
    output = done.stdout + done.stderr
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:3])} ... failed (exit {done.returncode}):\n"
                           f"{output.strip()}")
    return output
