# Right: parenthesised multi-line imports, duplicate names found with a Counter.
import keyword
from collections import Counter


def package_init(exports, version):
    for module, names in exports.items():
        for identifier in [module, *names]:
            if not identifier.isidentifier() or keyword.iskeyword(identifier):
                raise ValueError(f"exports holds an invalid identifier: {identifier!r}")
        if any(name.startswith("_") for name in names):
            raise ValueError("exports: public names cannot start with an underscore")
    counts = Counter(name for names in exports.values() for name in set(names))
    twice = [name for name, count in counts.items() if count > 1]
    if twice:
        raise ValueError(f"exports: {twice} exported by more than one module")
    parts = ['"""This package\'s public names."""\n']
    for module, names in exports.items():
        if names:
            body = "".join(f"    {name},\n" for name in dict.fromkeys(names))
            parts.append(f"from .{module} import (\n{body})\n")
    every = [name for names in exports.values() for name in dict.fromkeys(names)]
    parts.append(f"__version__ = '{version}'\n__all__ = {every!r}\n")
    return "\n".join(parts)
