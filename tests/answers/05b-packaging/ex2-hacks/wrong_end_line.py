# Wrong: reports the line where a statement ends, not where it starts.
# Fails with: report the line where each statement starts
import ast


def find_path_hacks(source):
    tree = ast.parse(source)
    sys_names = {a.asname or "sys" for n in ast.walk(tree) if isinstance(n, ast.Import)
                 for a in n.names if a.name == "sys"}
    path_names = {a.asname or "path" for n in ast.walk(tree)
                  if isinstance(n, ast.ImportFrom) and n.module == "sys"
                  for a in n.names if a.name == "path"}

    def sys_path(expr):
        if isinstance(expr, ast.Subscript):
            expr = expr.value
        if isinstance(expr, ast.Name):
            return expr.id in path_names
        return (isinstance(expr, ast.Attribute) and expr.attr == "path"
                and isinstance(expr.value, ast.Name) and expr.value.id in sys_names)

    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("append", "insert", "extend") and sys_path(node.func.value):
            lines.add(node.end_lineno)
        elif isinstance(node, ast.Assign) and any(sys_path(t) for t in node.targets):
            lines.add(node.end_lineno)
        elif isinstance(node, ast.AugAssign) and sys_path(node.target):
            lines.add(node.end_lineno)
    return sorted(lines)
