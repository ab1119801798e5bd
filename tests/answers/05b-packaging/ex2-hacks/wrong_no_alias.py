# Wrong: parses the code, but only recognises the literal spelling sys.path.
# Fails with: may be imported under another name
import ast


def _is_sys_path(node):
    if isinstance(node, ast.Subscript):
        node = node.value
    return (isinstance(node, ast.Attribute) and node.attr == "path"
            and isinstance(node.value, ast.Name) and node.value.id == "sys")


def find_path_hacks(source):
    lines = set()
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("append", "insert", "extend")
                and _is_sys_path(node.func.value)):
            lines.add(node.lineno)
        elif isinstance(node, ast.Assign) and any(_is_sys_path(t) for t in node.targets):
            lines.add(node.lineno)
        elif isinstance(node, ast.AugAssign) and _is_sys_path(node.target):
            lines.add(node.lineno)
    return sorted(lines)
