# Wrong: wraps values in double quotes without escaping quotes or backslashes.
# Fails with: must be escaped
import re

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version


def pyproject_toml(name, version, *, dependencies=(), requires_python=">=3.11", description=""):
    if not re.fullmatch(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?", name):
        raise ValueError("name is invalid")
    try:
        Version(version)
        SpecifierSet(requires_python)
    except InvalidVersion:
        raise ValueError("version is invalid") from None
    except InvalidSpecifier:
        raise ValueError("requires_python is invalid") from None
    for dep in dependencies:
        try:
            Requirement(dep)
        except InvalidRequirement:
            raise ValueError("dependencies: invalid requirement") from None
    if "\n" in description:
        raise ValueError("description has a line break")
    deps = ", ".join(f'"{d}"' for d in dependencies)
    return (f'[build-system]\nrequires = ["setuptools>=77"]\n'
            f'build-backend = "setuptools.build_meta"\n\n[project]\nname = "{name}"\n'
            f'version = "{version}"\ndescription = "{description}"\n'
            f'requires-python = "{requires_python}"\ndependencies = [{deps}]\n')
