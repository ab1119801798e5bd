# Right: one import line per exported name, __all__ in the order given.
import keyword


def package_init(exports, version):
    seen = {}
    for module in exports:
        if not module.isidentifier() or keyword.iskeyword(module):
            raise ValueError(f"exports: bad module name {module!r}")
        for name in exports[module]:
            if not name.isidentifier() or keyword.iskeyword(name) or name[0] == "_":
                raise ValueError(f"exports: bad public name {name!r}")
            if name in seen and seen[name] != module:
                raise ValueError(f"exports: {name!r} comes from two modules")
            seen[name] = module
    text = '"""Package API."""\n'
    for name, module in seen.items():
        text += f"from .{module} import {name}\n"
    text += f"\n__version__ = {version!r}\n"
    text += "__all__ = [" + ", ".join(f'"{name}"' for name in seen) + "]\n"
    return text
