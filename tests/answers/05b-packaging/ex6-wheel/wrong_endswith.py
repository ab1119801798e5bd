# Wrong: accepts the package anywhere in the archive (endswith), so src/<package>/ passes.
# Fails with: the package must sit at the top of the archive
import re


def wheel_problems(members, *, name, version, package):
    stem = re.sub(r"[-_.]+", "_", name).lower() + "-" + version
    problems = set()
    for file_name in ("METADATA", "WHEEL", "RECORD"):
        if f"{stem}.dist-info/{file_name}" not in members:
            problems.add(f"no-{file_name.lower()}")
    if not any(m.endswith(f"{package}/__init__.py") for m in members):
        problems.add("no-package")
    tops = {m.split("/")[0] for m in members}
    if tops - {package, f"{stem}.dist-info", f"{stem}.data", "src"}:
        problems.add("stray-top-level")
    return sorted(problems)
