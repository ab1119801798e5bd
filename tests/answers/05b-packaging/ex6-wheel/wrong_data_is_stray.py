# Wrong: forgets the optional <name>-<version>.data folder, so it is reported as stray.
# Fails with: folder entries (ending in /) and the <name>-<version>.data folder are allowed
import re


def wheel_problems(members, *, name, version, package):
    stem = re.sub(r"[-_.]+", "_", name).lower() + "-" + version
    problems = set()
    for file_name in ("METADATA", "WHEEL", "RECORD"):
        if f"{stem}.dist-info/{file_name}" not in members:
            problems.add(f"no-{file_name.lower()}")
    if f"{package}/__init__.py" not in members:
        problems.add("no-package")
    if {m.split("/")[0] for m in members} - {package, f"{stem}.dist-info"}:
        problems.add("stray-top-level")
    return sorted(problems)
