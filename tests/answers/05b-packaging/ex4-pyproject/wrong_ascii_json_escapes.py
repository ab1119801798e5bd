# Wrong: json.dumps with its default ensure_ascii=True: a letter outside the BMP (𠮷) becomes
# a surrogate pair, \ud842\udfb7, which TOML does not accept (checks via canonicalize_name).
# Fails with: letters outside the Basic Multilingual Plane
import json

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version


def pyproject_toml(name, version, *, dependencies=(), requires_python=">=3.11", description=""):
    checks = [("name", lambda: canonicalize_name(name, validate=True)),
              ("version", lambda: Version(version)),
              ("dependencies", lambda: [Requirement(r) for r in dependencies]),
              ("requires_python", lambda: SpecifierSet(requires_python))]
    for argument, check in checks:
        try:
            check()
        except Exception as err:  # noqa: BLE001 - any failure means an invalid argument
            raise ValueError(f"{argument} is invalid: {err}") from err
    if any(c in description for c in "\r\n"):
        raise ValueError("description: one line only")
    table = {
        "name": name, "version": version, "description": description,
        "requires-python": requires_python, "dependencies": list(dependencies),
    }
    lines = ["[build-system]", 'requires = ["hatchling"]', 'build-backend = "hatchling.build"',
             "", "[project]"]
    for key, value in table.items():
        if isinstance(value, list):
            value_text = "[" + ", ".join(json.dumps(v) for v in value) + "]"
        else:
            value_text = json.dumps(value)
        lines.append(f"{key} = {value_text}")
    return "\n".join(lines) + "\n"
