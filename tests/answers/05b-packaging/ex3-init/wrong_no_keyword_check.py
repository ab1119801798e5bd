# Wrong: checks identifiers, underscores and duplicates, but not keywords ("class" passes).
# Fails with: an exported name that is a keyword: raise ValueError
def package_init(exports, version):
    owner = {}
    for module, names in exports.items():
        if not module.isidentifier():
            raise ValueError(f"exports: {module!r} is not a module name")
        for name in names:
            if not name.isidentifier() or name.startswith("_"):
                raise ValueError(f"exports: {name!r} is not a public name")
            if owner.setdefault(name, module) != module:
                raise ValueError(f"exports: {name!r} is exported twice")
    lines = ['"""Public API."""', ""]
    lines += [f"from .{m} import {', '.join(n)}" for m, n in exports.items() if n]
    lines += ["", f"__version__ = {version!r}", f"__all__ = {list(owner)!r}", ""]
    return "\n".join(lines)
