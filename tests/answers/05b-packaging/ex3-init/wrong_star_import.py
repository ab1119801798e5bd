# Wrong: star imports instead of naming each exported name.
# Fails with: import each exported name from its module
def package_init(exports, version):
    seen = {}
    for module, names in exports.items():
        for name in names:
            if name in seen:
                raise ValueError(f"exports: {name!r} twice")
            seen[name] = module
    lines = ['"""API."""']
    lines += [f"from .{m} import *" for m, n in exports.items() if n]
    lines += [f"__version__ = {version!r}", f"__all__ = {sorted(seen)!r}", ""]
    return "\n".join(lines)
