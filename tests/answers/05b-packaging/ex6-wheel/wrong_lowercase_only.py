# Wrong: the metadata folder is looked for under the lower-cased name, dashes kept.
# Fails with: a complete wheel has no problems
def wheel_problems(members, *, name, version, package):
    stem = name.lower() + "-" + version
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
