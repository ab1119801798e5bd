# Wrong: quotes every value with Python's repr(), whose '...' and \' escapes are not TOML.
# Fails with: must be escaped
import re

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version


def pyproject_toml(name, version, *, dependencies=(), requires_python=">=3.11", description=""):
    if not re.fullmatch(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?", name):
        raise ValueError(f"name {name!r} is invalid")
    try:
        Version(version)
        for requirement in dependencies:
            try:
                Requirement(requirement)
            except InvalidRequirement as err:
                raise ValueError(f"dependencies: {requirement!r}") from err
        SpecifierSet(requires_python)
    except InvalidVersion as err:
        raise ValueError(f"version {version!r} is invalid") from err
    except InvalidSpecifier as err:
        raise ValueError(f"requires_python {requires_python!r} is invalid") from err
    if "\n" in description or "\r" in description:
        raise ValueError("description must be one line")
    return (
        "[build-system]\nrequires = ['setuptools>=77']\n"
        "build-backend = 'setuptools.build_meta'\n\n[project]\n"
        f"name = {name!r}\nversion = {version!r}\ndescription = {description!r}\n"
        f"requires-python = {requires_python!r}\ndependencies = {list(dependencies)!r}\n"
    )
