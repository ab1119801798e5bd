# Right: builds a list of lines, modules sorted, names sorted, __all__ multi-line.
import keyword


def _check(identifier, what):
    if not isinstance(identifier, str) or not identifier.isidentifier() \
            or keyword.iskeyword(identifier):
        raise ValueError(f"exports: {what} {identifier!r} is not a valid identifier")


def package_init(exports, version):
    owners = {}
    for module, names in sorted(exports.items()):
        _check(module, "module")
        for name in names:
            _check(name, "name")
            if name.startswith("_"):
                raise ValueError(f"exports: {name!r} is private")
            if owners.setdefault(name, module) != module:
                raise ValueError(f"exports: {name!r} is exported twice")
    lines = ['"""', "Public API.", '"""', ""]
    for module, names in sorted(exports.items()):
        if names:
            lines.append(f"from .{module} import " + ", ".join(sorted(set(names))))
    lines += ["", f'__version__ = "{version}"', "", "__all__ = ["]
    lines += [f'    "{name}",' for name in sorted(owners)]
    lines += ["]", ""]
    return "\n".join(lines)
