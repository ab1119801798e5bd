# Right: PurePosixPath parts, a loop, and a dict of required files.
from pathlib import PurePosixPath


def _file_name(name):
    out, previous = [], False
    for char in name.lower():
        if char in "-_.":
            if not previous:
                out.append("_")
            previous = True
        else:
            out.append(char)
            previous = False
    return "".join(out)


def wheel_problems(members, *, name, version, package):
    info = f"{_file_name(name)}-{version}.dist-info"
    data = f"{_file_name(name)}-{version}.data"
    required = {PurePosixPath(info, "METADATA"): "no-metadata",
                PurePosixPath(info, "WHEEL"): "no-wheel",
                PurePosixPath(info, "RECORD"): "no-record",
                PurePosixPath(package, "__init__.py"): "no-package"}
    paths = [PurePosixPath(member) for member in members]
    found = set()
    for path, code in required.items():
        if path not in paths:
            found.add(code)
    for path in paths:
        if path.parts and path.parts[0] not in (package, info, data):
            found.add("stray-top-level")
    return sorted(found)
