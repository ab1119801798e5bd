# Wrong: normalises the name by replacing dashes only; dots and runs of separators remain.
# Fails with: name the metadata folder after the normalised name
def wheel_problems(members, *, name, version, package):
    stem = name.replace("-", "_").lower() + "-" + version
    problems = set()
    for file_name in ("METADATA", "WHEEL", "RECORD"):
        if f"{stem}.dist-info/{file_name}" not in members:
            problems.add(f"no-{file_name.lower()}")
    if f"{package}/__init__.py" not in members:
        problems.add("no-package")
    tops = {m.split("/")[0] for m in members}
    if tops - {package, f"{stem}.dist-info", f"{stem}.data"}:
        problems.add("stray-top-level")
    return sorted(problems)
