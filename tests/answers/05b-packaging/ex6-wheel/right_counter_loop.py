# Right: one pass over the members, flags for what was seen.
import re


def wheel_problems(members, *, name, version, package):
    prefix = re.sub(r"[-_.]+", "_", name.lower())
    info = prefix + "-" + version + ".dist-info/"
    data = prefix + "-" + version + ".data/"
    seen = {"METADATA": False, "WHEEL": False, "RECORD": False}
    has_package = stray = False
    for member in members:
        if member.startswith(info):
            rest = member[len(info):]
            if rest in seen:
                seen[rest] = True
        elif member == package + "/__init__.py":
            has_package = True
        elif member.startswith(package + "/") or member.startswith(data):
            pass
        elif member + "/" in (info, data) or member == package:
            pass
        else:
            stray = True
    problems = [f"no-{key.lower()}" for key, ok in seen.items() if not ok]
    if not has_package:
        problems.append("no-package")
    if stray:
        problems.append("stray-top-level")
    return sorted(problems)
