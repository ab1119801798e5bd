# Wrong: lets packaging's own exceptions escape: they are ValueErrors, but their messages
# do not name the argument (InvalidRequirement for a bad dependency, InvalidSpecifier...).
# Fails with: the message must name the argument
import json

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version


def pyproject_toml(name, version, *, dependencies=(), requires_python=">=3.11", description=""):
    canonicalize_name(name, validate=True)
    Version(version)
    for dep in dependencies:
        Requirement(dep)
    SpecifierSet(requires_python)
    if "\n" in description:
        raise ValueError("description has a line break")
    deps = ", ".join(json.dumps(d) for d in dependencies)
    return ('[build-system]\nrequires = ["setuptools>=77"]\n'
            'build-backend = "setuptools.build_meta"\n\n[project]\n'
            f"name = {json.dumps(name)}\nversion = {json.dumps(version)}\n"
            f"description = {json.dumps(description, ensure_ascii=False)}\n"
            f"requires-python = {json.dumps(requires_python)}\ndependencies = [{deps}]\n")
