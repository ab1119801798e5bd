"""Tests for helpers.modularization: reading a script, writing files, building wheels."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from helpers.modularization import (
    LOANFEATURES_PROJECT,
    RISKNET_SCRIPT,
    build_wheel,
    function_facts,
    module_overview,
    run_python,
    throwaway_environment,
    write_files,
)


def test_function_facts_describes_the_risknet_script() -> None:
    facts = function_facts(RISKNET_SCRIPT)
    assert list(facts.index) == ["add_ratios", "add_age_of_application", "fill_missing", "split",
                                 "train", "flag_risky", "report"]
    assert facts.loc["report", "calls"] == ["flag_risky"]
    assert facts.loc["report", "side_effects"] == ["print", "to_csv"]
    assert facts["side_effects"].map(len).sum() == 2, "only report has side effects"


def test_function_facts_rejects_bad_input() -> None:
    with pytest.raises(TypeError, match="source"):
        function_facts(42)
    with pytest.raises(ValueError, match="not valid Python"):
        function_facts("def broken(:\n")


def test_module_overview_reads_without_importing(tmp_path: Path) -> None:
    write_files(tmp_path / "pkg", {
        "__init__.py": '"""A package."""\n__all__ = ["a"]\n',
        "boom.py": '"""Never imported."""\nraise SystemExit("imported!")\n__all__ = ["x", "y"]\n',
    })
    overview = module_overview(tmp_path / "pkg")
    assert list(overview.index) == ["pkg", "pkg.boom"]
    assert overview.loc["pkg.boom", "public"] == 2
    assert overview.loc["pkg.boom", "summary"] == "Never imported."
    with pytest.raises(ValueError, match="__init__"):
        module_overview(tmp_path)


def test_write_files_refuses_paths_outside_root(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="relative path"):
        write_files(tmp_path, {"../escape.py": "x = 1\n"})
    with pytest.raises(ValueError, match="relative path"):
        write_files(tmp_path, {"/etc/passwd": "x\n"})
    assert not any(tmp_path.iterdir())


def test_build_wheel_is_reproducible_and_complete(tmp_path: Path) -> None:
    write_files(tmp_path / "project", LOANFEATURES_PROJECT)
    first = build_wheel(tmp_path / "project", tmp_path / "one")
    second = build_wheel(tmp_path / "project", tmp_path / "two")
    assert first.name == "risknet_loan_features-0.1.0-py3-none-any.whl"
    assert first.read_bytes() == second.read_bytes(), "same sources, same bytes"
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        metadata = archive.read("risknet_loan_features-0.1.0.dist-info/METADATA").decode()
        record = archive.read("risknet_loan_features-0.1.0.dist-info/RECORD").decode()
    assert {n.split("/")[0] for n in names} == {"loanfeatures",
                                                "risknet_loan_features-0.1.0.dist-info"}
    assert "Requires-Dist: pandas>=2.2\n" in metadata
    assert 'Requires-Dist: pytest>=8; extra == "test"\n' in metadata
    assert metadata.split("\n\n", 1)[1].startswith("# risknet-loan-features")
    assert len(record.strip().splitlines()) == len(names)


def test_build_wheel_flat_layout_skips_tests_and_handles_markers(tmp_path: Path) -> None:
    write_files(tmp_path, {
        "pyproject.toml": '[project]\nname = "Flat.Pkg"\nversion = "1.0-rc.1"\n'
                          '[project.optional-dependencies]\n'
                          'fast = [\'numba>=0.60; python_version < "3.13"\']\n'
                          '[project.scripts]\nflat = "flatpkg.cli:main"\n',
        "flatpkg/__init__.py": "",
        "flatpkg/__pycache__/x.cpython-311.pyc": "",
        "tests/__init__.py": "",
    })
    wheel = build_wheel(tmp_path, tmp_path / "dist")
    assert wheel.name == "flat_pkg-1.0rc1-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read("flat_pkg-1.0rc1.dist-info/METADATA").decode()
        entry_points = archive.read("flat_pkg-1.0rc1.dist-info/entry_points.txt").decode()
    assert "flatpkg/__init__.py" in names
    assert not any(n.startswith("tests/") or "__pycache__" in n for n in names)
    assert 'Requires-Dist: numba>=0.60; (python_version < "3.13") and extra == "fast"' in metadata
    assert entry_points == "[console_scripts]\nflat = flatpkg.cli:main\n"


@pytest.mark.parametrize(("pyproject", "message"), [
    (None, "pyproject.toml"),
    ("[project\n", "not valid TOML"),
    ('[project]\nname = "x"\n', "name and a version"),
    ('[project]\nname = "bad name"\nversion = "1"\n', "distribution name"),
    ('[project]\nname = "x"\nversion = "one"\n', "PEP 440"),
    ('[project]\nname = "x"\nversion = "1"\ndependencies = ["numpy >> 2"]\n', "requirement"),
    ('[project]\nname = "x"\nversion = "1"\ndynamic = ["readme"]\n', "real backend"),
    ('[project]\nname = "x"\nversion = "1"\n', "no package"),
])
def test_build_wheel_explains_what_is_wrong(tmp_path: Path, pyproject: str | None,
                                            message: str) -> None:
    if pyproject is not None:
        (tmp_path / "pyproject.toml").write_text(pyproject)
    with pytest.raises(ValueError, match=message):
        build_wheel(tmp_path, tmp_path / "dist")


def test_throwaway_environment_sees_course_packages_only_on_request(tmp_path: Path) -> None:
    seeing = throwaway_environment(tmp_path / "seeing")
    bare = throwaway_environment(tmp_path / "bare", see_installed=False)
    probe = "import importlib.util as u; print(u.find_spec('pytest') is not None)"
    assert run_python(seeing, probe).strip() == "True"
    assert run_python(bare, probe).strip() == "False"
    assert run_python(seeing, "import importlib.util as u; print(u.find_spec('helpers'))",
                      cwd=tmp_path).strip() == "None", "the course's editable packages stay hidden"
    with pytest.raises(ValueError, match="new or empty"):
        throwaway_environment(tmp_path / "seeing")


def test_run_python_reports_failures() -> None:
    with pytest.raises(RuntimeError, match="exit 3"):
        run_python(__import__("sys").executable, "raise SystemExit(3)")
    assert "boom" in run_python(__import__("sys").executable, "import sys; sys.exit('boom')",
                                check=False)


def test_module_overview_lists_subpackages_but_not_plain_folders(tmp_path: Path) -> None:
    write_files(tmp_path / "pkg", {
        "__init__.py": '"""Top."""\n',
        "sub/__init__.py": '"""A subpackage."""\n',
        "sub/part.py": '"""A part."""\n__all__ = ["f"]\n',
        "scripts/tool.py": '"""Not in a package."""\n',
    })
    overview = module_overview(tmp_path / "pkg")
    assert list(overview.index) == ["pkg", "pkg.sub", "pkg.sub.part"]
    assert overview.loc["pkg.sub.part", "public"] == 1


def test_build_wheel_metadata_follows_the_core_metadata_spec(tmp_path: Path) -> None:
    from packaging.metadata import Metadata

    write_files(tmp_path, {
        "pyproject.toml": '[project]\nname = "Meta.Check"\nversion = "2.0"\nlicense = "MIT"\n'
                          'authors = [{name = "Ann", email = "ann@example.org"}, '
                          '{email = "team@example.org"}, {name = "Bob"}]\n'
                          'keywords = ["loans", "features"]\n'
                          'urls = {Source = "https://example.org/meta-check"}\n'
                          'readme = {text = "Long text.", content-type = "text/plain"}\n'
                          '[project.optional-dependencies]\nFast_Path = ["numpy>=2"]\n',
        "src/metacheck/__init__.py": "",
        "src/metacheck/odd,name.py": "",
    })
    wheel = build_wheel(tmp_path, tmp_path / "dist")
    with zipfile.ZipFile(wheel) as archive:
        raw = archive.read("meta_check-2.0.dist-info/METADATA").decode()
        record = archive.read("meta_check-2.0.dist-info/RECORD").decode()
    meta = Metadata.from_email(raw, validate=True)  # raises on any invalid field
    assert meta.metadata_version == "2.4", "License-Expression needs metadata 2.4"
    assert meta.author_email == "Ann <ann@example.org>, team@example.org"
    assert meta.author == "Bob"
    assert meta.provides_extra == ["fast-path"], "extras are normalised (PEP 685)"
    assert meta.description == "Long text."
    assert '"metacheck/odd,name.py",sha256=' in record, "RECORD is CSV: a comma is quoted"
    assert record.endswith("meta_check-2.0.dist-info/RECORD,,\n")


@pytest.mark.parametrize(("extra", "message"), [
    ('description = "two\\nlines"\n', "one line"),
    ('license = {file = "LICENSE"}\n', "license files"),
])
def test_build_wheel_refuses_metadata_it_cannot_write(tmp_path: Path, extra: str,
                                                      message: str) -> None:
    write_files(tmp_path, {"pyproject.toml": f'[project]\nname = "x"\nversion = "1"\n{extra}',
                           "LICENSE": "MIT\n", "x/__init__.py": ""})
    with pytest.raises(ValueError, match=message):
        build_wheel(tmp_path, tmp_path / "dist")
