# Wrong: checks for names exported twice, but not for invalid, keyword or private names.
# Fails with: an exported name that is not an identifier: raise ValueError
def package_init(exports, version):
    owner = {}
    for module, names in exports.items():
        for name in names:
            if owner.get(name, module) != module:
                raise ValueError(f"exports: {name!r} twice")
            owner[name] = module
    lines = ['"""API."""']
    lines += [f"from .{m} import {', '.join(n)}" for m, n in exports.items() if n]
    lines += [f"__version__ = {version!r}", f"__all__ = {sorted(owner)!r}", ""]
    return "\n".join(lines)
