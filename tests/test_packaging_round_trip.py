"""Team Pip's round trip (week 05b): build a wheel, install it into a throwaway
environment, import it from another folder and run its tests and doctests there, offline."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers.modularization import (
    LOANFEATURES_PROJECT,
    build_wheel,
    pip_install,
    run_python,
    throwaway_environment,
    write_files,
)


def test_build_install_and_test_the_installed_package(tmp_path: Path) -> None:
    project = tmp_path / "risknet-loan-features"
    write_files(project, LOANFEATURES_PROJECT)
    wheel = build_wheel(project, tmp_path / "dist")

    python = throwaway_environment(tmp_path / "env")
    pip_output = pip_install(python, wheel)  # checks that pandas>=2.2 is satisfied, offline
    assert "Successfully installed risknet-loan-features-0.1.0" in pip_output

    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(project / "tests", elsewhere / "tests")
    where = run_python(python, "import importlib.metadata as m, loanfeatures; "
                       "print(loanfeatures.__file__); print(m.version('risknet-loan-features'))",
                       cwd=elsewhere).splitlines()
    site_packages = tmp_path / "env" / "lib"
    assert Path(where[0]).is_relative_to(site_packages), "imported the installed copy"
    assert "site-packages" in Path(where[0]).parts
    assert where[1] == "0.1.0"

    report = run_python(python, args=["-m", "pytest", "-q", "-p", "no:cacheprovider",
                                      "--import-mode=importlib", "tests", "--doctest-modules",
                                      "--pyargs", "loanfeatures"], cwd=elsewhere)
    assert "8 passed" in report, report  # 4 tests and 4 doctests

    # The source folder is not what the tests import: without the wheel, nothing imports.
    bare = throwaway_environment(tmp_path / "bare")
    failed = run_python(bare, "import loanfeatures", cwd=project, check=False)
    assert "ModuleNotFoundError" in failed, "src layout: the source is not importable by accident"


def test_pip_refuses_a_wheel_whose_dependencies_are_missing(tmp_path: Path) -> None:
    write_files(tmp_path / "project", {
        "pyproject.toml": '[project]\nname = "needs-nothing-here"\nversion = "1.0"\n'
                          'dependencies = ["surely-not-installed-anywhere>=1"]\n',
        "needsnothing/__init__.py": "",
    })
    wheel = build_wheel(tmp_path / "project", tmp_path / "dist")
    python = throwaway_environment(tmp_path / "env")
    try:
        pip_install(python, wheel)
    except RuntimeError as err:
        assert "surely-not-installed-anywhere" in str(err)
    else:
        raise AssertionError("pip installed a wheel whose dependency is missing")
    assert "Successfully installed" in pip_install(python, wheel, no_deps=True)
