# Right: parses the specifiers by hand and implements the PEP 440 operators on Version objects.
import re

from packaging.version import Version

_REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)")


def _satisfies(version, operator, target):
    if operator == "==" and target.endswith(".*"):
        prefix = Version(target[:-2]).release
        return version.release[:len(prefix)] == prefix
    if operator == "!=" and target.endswith(".*"):
        return not _satisfies(version, "==", target)
    wanted = Version(target)
    if operator == "~=":
        prefix = wanted.release[:-1]
        return version >= wanted and version.release[:len(prefix)] == prefix
    return {"==": version == wanted, "!=": version != wanted, "<": version < wanted,
            "<=": version <= wanted, ">": version > wanted, ">=": version >= wanted}[operator]


def unmet_requirements(requirements, installed):
    have = {re.sub(r"[-_.]+", "-", n).lower(): Version(v) for n, v in installed.items()}
    unmet = set()
    for text in requirements:
        name, _, rest = _REQUIREMENT.match(text).groups()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key not in have:
            unmet.add(key)
            continue
        for clause in filter(None, (c.strip() for c in rest.split(","))):
            operator, target = re.match(r"(~=|==|!=|<=|>=|<|>)\s*(.+)", clause).groups()
            if not _satisfies(have[key], operator, target.strip()):
                unmet.add(key)
    return sorted(unmet)
