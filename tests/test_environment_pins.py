"""The environment files pin the same versions as pyproject.toml."""

import json
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pins(lines):
    pins = {}
    for line in lines:
        match = re.fullmatch(r"\s*([A-Za-z0-9_.,\-\[\]]+)==([^\s#;]+)\s*", line)
        if match:
            pins[re.sub(r"[-_.]+", "-", match.group(1).lower())] = match.group(2)
    return pins


def _pyproject_pins():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = list(project["dependencies"]) + list(project["optional-dependencies"]["dev"])
    return _pins(lines)


def _environment_pins():
    lines = []
    for line in (ROOT / "environment.yml").read_text().splitlines():
        item = line.strip()
        if item.startswith("- "):
            lines.append(item[2:])
    return _pins(lines)


def test_every_dependency_is_pinned_exactly():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = list(project["dependencies"]) + list(project["optional-dependencies"]["dev"])
    assert len(_pyproject_pins()) == len(deps), "every dependency needs an exact == pin"


def test_environment_yml_matches_pyproject():
    assert _environment_pins() == _pyproject_pins()


def test_environment_yml_python_matches_requires_python():
    text = (ROOT / "environment.yml").read_text()
    assert "python=3.11" in text
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert ">=3.11" in requires


def test_devcontainer_uses_python_311_and_installs_the_package():
    config = json.loads((ROOT / ".devcontainer" / "devcontainer.json").read_text())
    assert "3.11" in config["image"]
    assert "pip install" in config["postCreateCommand"] and "-e" in config["postCreateCommand"]
    extensions = config["customizations"]["vscode"]["extensions"]
    assert {"ms-python.python", "ms-toolsai.jupyter"} <= set(extensions)
    for path in config["customizations"]["codespaces"]["openFiles"]:
        assert (ROOT / path).exists(), f"devcontainer opens a missing file: {path}"
