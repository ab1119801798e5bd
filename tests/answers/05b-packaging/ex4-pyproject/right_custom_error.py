# Right: its own ValueError subclass that names the argument; json.dumps(ensure_ascii=False).
import json

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version


class PyprojectError(ValueError):
    """An argument of pyproject_toml is invalid."""


def _check(argument, parse, value):
    try:
        parse(value)
    except ValueError as err:  # InvalidVersion, InvalidRequirement... are ValueErrors
        raise PyprojectError(f"{argument}: {value!r} is invalid ({err})") from err


def pyproject_toml(name, version, *, dependencies=(), requires_python=">=3.11", description=""):
    _check("name", lambda value: canonicalize_name(value, validate=True), name)
    _check("version", Version, version)
    for requirement in dependencies:
        _check("dependencies", Requirement, requirement)
    _check("requires_python", SpecifierSet, requires_python)
    if "\n" in description or "\r" in description:
        raise PyprojectError("description: must be one line")

    def dump(value):
        return json.dumps(value, ensure_ascii=False)

    return (
        '[build-system]\nrequires = ["setuptools>=77"]\nbuild-backend = "setuptools.build_meta"\n'
        f"\n[project]\nname = {dump(name)}\nversion = {dump(version)}\n"
        f"description = {dump(description)}\nrequires-python = {dump(requires_python)}\n"
        f"dependencies = [{', '.join(dump(r) for r in dependencies)}]\n"
    )
