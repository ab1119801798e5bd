# Wrong: sorts the caller's dependency list in place before writing it.
# Fails with: dependencies
import json

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import InvalidName, canonicalize_name
from packaging.version import InvalidVersion, Version


def pyproject_toml(name, version, *, dependencies=(), requires_python=">=3.11", description=""):
    try:
        canonicalize_name(name, validate=True)
    except InvalidName:
        raise ValueError("name is invalid") from None
    try:
        Version(version)
    except InvalidVersion:
        raise ValueError("version is invalid") from None
    if isinstance(dependencies, list):
        dependencies.sort()
    for dep in dependencies:
        try:
            Requirement(dep)
        except InvalidRequirement:
            raise ValueError("dependencies: invalid requirement") from None
    try:
        SpecifierSet(requires_python)
    except InvalidSpecifier:
        raise ValueError("requires_python is invalid") from None
    if "\n" in description:
        raise ValueError("description has a line break")
    deps = ", ".join(json.dumps(d) for d in dependencies)
    return ('[build-system]\nrequires = ["setuptools>=77"]\n'
            'build-backend = "setuptools.build_meta"\n\n[project]\n'
            f"name = {json.dumps(name)}\nversion = {json.dumps(version)}\n"
            f"description = {json.dumps(description, ensure_ascii=False)}\n"
            f"requires-python = {json.dumps(requires_python)}\ndependencies = [{deps}]\n")
