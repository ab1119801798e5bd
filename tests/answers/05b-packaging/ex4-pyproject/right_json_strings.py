# Right: JSON string escapes (a subset of TOML's basic strings), packaging for the checks.
import json
import re

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version


def pyproject_toml(name, version, *, dependencies=(), requires_python=">=3.11", description=""):
    if not re.fullmatch(r"(?i)[a-z0-9]([a-z0-9._-]*[a-z0-9])?", name):
        raise ValueError(f"invalid name: {name!r}")
    try:
        Version(version)
    except InvalidVersion as err:
        raise ValueError(f"invalid version: {version!r}") from err
    try:
        for requirement in dependencies:
            Requirement(requirement)
    except InvalidRequirement as err:
        raise ValueError(f"invalid dependencies: {err}") from err
    try:
        SpecifierSet(requires_python)
    except InvalidSpecifier as err:
        raise ValueError(f"invalid requires_python: {requires_python!r}") from err
    if "\n" in description or "\r" in description:
        raise ValueError("description must be one line")
    deps = ",\n".join(f"    {json.dumps(r, ensure_ascii=False)}" for r in dependencies)
    return "\n".join([
        "[build-system]",
        'requires = ["setuptools>=77"]',
        'build-backend = "setuptools.build_meta"',
        "",
        "[project]",
        f"name = {json.dumps(name)}",
        f"version = {json.dumps(version)}",
        f"description = {json.dumps(description, ensure_ascii=False)}",
        f"requires-python = {json.dumps(requires_python)}",
        f"dependencies = [\n{deps}\n]" if deps else "dependencies = []",
        "",
    ])
