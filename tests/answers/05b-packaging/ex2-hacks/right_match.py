# Right: structural pattern matching (match/case) on each node, aliases collected first.
import ast

CHANGES = ("append", "insert", "extend")


def find_path_hacks(source):
    tree = ast.parse(source)
    sys_aliases, path_aliases = set(), set()
    for node in ast.walk(tree):
        match node:
            case ast.Import(names=names):
                sys_aliases |= {a.asname or a.name for a in names if a.name == "sys"}
            case ast.ImportFrom(module="sys", level=0, names=names):
                path_aliases |= {a.asname or a.name for a in names if a.name == "path"}

    def is_sys_path(node):
        match node:
            case ast.Attribute(value=ast.Name(id=owner), attr="path"):
                return owner in sys_aliases
            case ast.Name(id=name):
                return name in path_aliases
        return False

    found = set()
    for node in ast.walk(tree):
        match node:
            case ast.Call(func=ast.Attribute(value=target, attr=method)) if method in CHANGES:
                if is_sys_path(target):
                    found.add(node.lineno)
            case ast.Assign(targets=targets):
                if any(is_sys_path(t.value if isinstance(t, ast.Subscript) else t)
                       for t in targets):
                    found.add(node.lineno)
            case ast.AugAssign(target=target) | ast.AnnAssign(target=target):
                if is_sys_path(target.value if isinstance(target, ast.Subscript) else target):
                    found.add(node.lineno)
    return sorted(found)
