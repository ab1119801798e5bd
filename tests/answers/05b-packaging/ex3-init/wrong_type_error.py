# Wrong: raises TypeError, not ValueError, for names that are not identifiers.
# Fails with: raise ValueError (not another exception type)
import keyword


def package_init(exports, version):
    owner = {}
    for module, names in exports.items():
        if not module.isidentifier() or keyword.iskeyword(module):
            raise TypeError(f"exports: bad module {module!r}")
        for name in names:
            if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
                raise TypeError(f"exports: bad name {name!r}")
            if owner.get(name, module) != module:
                raise ValueError(f"exports: {name!r} twice")
            owner[name] = module
    lines = ['"""API."""']
    lines += [f"from .{m} import {', '.join(n)}" for m, n in exports.items() if n]
    lines += [f"__version__ = {version!r}", f"__all__ = {sorted(owner)!r}", ""]
    return "\n".join(lines)
