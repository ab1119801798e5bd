# Wrong: takes any top-level folder ending in .dist-info as the metadata folder, whatever its
# name and version.
# Fails with: a metadata folder named with the raw (not normalised) name
def wheel_problems(members, *, name, version, package):
    top = {member.split("/", 1)[0] for member in members}
    info = sorted(t for t in top if t.endswith(".dist-info"))
    problems = set()
    for file_name, code in (("METADATA", "no-metadata"), ("WHEEL", "no-wheel"),
                            ("RECORD", "no-record")):
        if not any(f"{folder}/{file_name}" in members for folder in info):
            problems.add(code)
    if f"{package}/__init__.py" not in members:
        problems.add("no-package")
    allowed = {package, *info} | {t for t in top if t.endswith(".data")}
    if top - allowed:
        problems.add("stray-top-level")
    return sorted(problems)
