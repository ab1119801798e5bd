# Right: builds the module as an ast tree and lets ast.unparse write the text.
import ast
import keyword


def _valid(identifier):
    return isinstance(identifier, str) and identifier.isidentifier() \
        and not keyword.iskeyword(identifier)


def package_init(exports, version):
    seen = {}
    for module in exports:
        if not _valid(module):
            raise ValueError(f"exports: bad module name {module!r}")
        for name in exports[module]:
            if not _valid(name) or name[0] == "_":
                raise ValueError(f"exports: bad public name {name!r}")
            if name in seen and seen[name] != module:
                raise ValueError(f"exports: {name!r} comes from {seen[name]!r} and {module!r}")
            seen[name] = module
    body = [ast.Expr(ast.Constant("Public API of the package."))]
    for module, names in exports.items():
        if names:
            body.append(ast.ImportFrom(module=module, level=1,
                                       names=[ast.alias(name=n) for n in dict.fromkeys(names)]))
    body.append(ast.Assign(targets=[ast.Name("__version__", ast.Store())],
                           value=ast.Constant(version), lineno=0))
    body.append(ast.Assign(targets=[ast.Name("__all__", ast.Store())],
                           value=ast.List([ast.Constant(n) for n in seen], ast.Load()), lineno=0))
    return ast.unparse(ast.fix_missing_locations(ast.Module(body=body, type_ignores=[]))) + "\n"
