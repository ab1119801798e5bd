# Wrong: lists the problems in the order it checks them, not sorted.
# Fails with: return the problem codes sorted
import re


def wheel_problems(members, *, name, version, package):
    stem = re.sub(r"[-_.]+", "_", name).lower() + "-" + version
    problems = []
    for file_name in ("METADATA", "WHEEL", "RECORD"):
        if f"{stem}.dist-info/{file_name}" not in members:
            problems.append(f"no-{file_name.lower()}")
    if f"{package}/__init__.py" not in members:
        problems.append("no-package")
    if {m.split("/")[0] for m in members} - {package, f"{stem}.dist-info", f"{stem}.data"}:
        problems.append("stray-top-level")
    return problems
