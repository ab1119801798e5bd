# Right: TOML literal strings ('...') where the text allows them, escaped basic strings otherwise.
import re

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$")


def _toml_string(text):
    if "'" not in text and not any(ord(c) < 32 or ord(c) == 127 for c in text):
        return f"'{text}'"  # a literal string: no escapes at all
    out = []
    for char in text:
        if char in {'"', "\\"}:
            out.append("\\" + char)
        elif ord(char) < 32 or ord(char) == 127:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def pyproject_toml(name, version, *, dependencies=(), requires_python=">=3.11", description=""):
    if not isinstance(name, str) or NAME.match(name) is None:
        raise ValueError(f"name: {name!r} is not a distribution name")
    try:
        Version(version)
    except InvalidVersion as err:
        raise ValueError(f"version: {version!r} is not a PEP 440 version") from err
    for text in dependencies:
        try:
            Requirement(text)
        except InvalidRequirement as err:
            raise ValueError(f"dependencies: {text!r} is not a requirement") from err
    try:
        SpecifierSet(requires_python)
    except InvalidSpecifier as err:
        raise ValueError(f"requires_python: {requires_python!r} is not a specifier set") from err
    if "\n" in description or "\r" in description:
        raise ValueError("description: must be a single line")
    lines = ["[project]",
             f"name = {_toml_string(name)}",
             f"version = {_toml_string(version)}",
             f"description = {_toml_string(description)}",
             f"requires-python = {_toml_string(requires_python)}",
             "dependencies = ["]
    lines += [f"  {_toml_string(text)}," for text in dependencies]
    lines += ["]", "", "[build-system]", "requires = ['flit_core>=3.9,<4']",
              "build-backend = 'flit_core.buildapi'", ""]
    return "\n".join(lines)
