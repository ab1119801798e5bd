# Right: one regular expression per rule, matched against every member.
import re


def wheel_problems(members, *, name, version, package):
    stem = re.escape(f"{re.sub(r'[-_.]+', '_', name).lower()}-{version}")
    problems = []
    for file_name, code in (("METADATA", "no-metadata"), ("WHEEL", "no-wheel"),
                            ("RECORD", "no-record")):
        pattern = re.compile(rf"{stem}\.dist-info/{file_name}")
        if not any(pattern.fullmatch(member) for member in members):
            problems.append(code)
    if not any(re.fullmatch(rf"{re.escape(package)}/__init__\.py", m) for m in members):
        problems.append("no-package")
    allowed = re.compile(rf"({re.escape(package)}|{stem}\.dist-info|{stem}\.data)(/.*)?")
    if not all(allowed.fullmatch(member) for member in members):
        problems.append("stray-top-level")
    return sorted(problems)
