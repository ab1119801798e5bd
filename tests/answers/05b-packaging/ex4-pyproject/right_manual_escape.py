# Right: escapes by hand, one character at a time; normalises name and version.
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

_ALLOWED = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


def _toml(text):
    out = '"'
    for char in text:
        if char == "\\":
            out += "\\\\"
        elif char == '"':
            out += '\\"'
        elif char == "\t":
            out += "\\t"
        elif ord(char) < 32 or ord(char) == 127:
            out += f"\\u{ord(char):04X}"
        else:
            out += char
    return out + '"'


def pyproject_toml(name, version, *, dependencies=(), requires_python=">=3.11", description=""):
    if (not name or not set(name) <= _ALLOWED or not name[0].isalnum()
            or not name[-1].isalnum()):
        raise ValueError("name: not a valid distribution name")
    try:
        normalised_version = str(Version(version))
    except InvalidVersion:
        raise ValueError("version: not PEP 440") from None
    for dep in dependencies:
        try:
            Requirement(dep)
        except InvalidRequirement:
            raise ValueError(f"dependencies: {dep!r} is not PEP 508") from None
    try:
        SpecifierSet(requires_python)
    except InvalidSpecifier:
        raise ValueError("requires_python: not a specifier set") from None
    if "\n" in description or "\r" in description:
        raise ValueError("description: no line breaks")
    deps = ", ".join(_toml(d) for d in dependencies)
    return (f"[project]\nname = {_toml(canonicalize_name(name))}\n"
            f"version = {_toml(normalised_version)}\ndescription = {_toml(description)}\n"
            f"requires-python = {_toml(requires_python)}\ndependencies = [{deps}]\n\n"
            "[build-system]\nrequires = [\"setuptools>=77\", \"wheel\"]\n"
            "build-backend = \"setuptools.build_meta\"\n")
