# Right: set arithmetic on the archive's names and their first path component.
import re


def wheel_problems(members, *, name, version, package):
    stem = re.sub(r"[-_.]+", "_", name).lower() + "-" + version
    names = set(members)
    problems = []
    if f"{stem}.dist-info/METADATA" not in names:
        problems.append("no-metadata")
    if f"{package}/__init__.py" not in names:
        problems.append("no-package")
    if f"{stem}.dist-info/RECORD" not in names:
        problems.append("no-record")
    if f"{stem}.dist-info/WHEEL" not in names:
        problems.append("no-wheel")
    tops = {member.split("/")[0] for member in members}
    if tops - {package, f"{stem}.dist-info", f"{stem}.data"}:
        problems.append("stray-top-level")
    return sorted(problems)
