# Right: look at every statement; a statement is a hack if it holds a changing call or target.
import ast


def find_path_hacks(source):
    tree = ast.parse(source)
    sys_names = {a.asname or "sys" for n in ast.walk(tree) if isinstance(n, ast.Import)
                 for a in n.names if a.name == "sys"}
    path_names = {a.asname or "path" for n in ast.walk(tree)
                  if isinstance(n, ast.ImportFrom) and n.module == "sys" and n.level == 0
                  for a in n.names if a.name == "path"}

    def sys_path(expr):
        if isinstance(expr, ast.Name):
            return expr.id in path_names
        return (isinstance(expr, ast.Attribute) and expr.attr == "path"
                and isinstance(expr.value, ast.Name) and expr.value.id in sys_names)

    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Attribute) and f.attr in {"append", "extend", "insert"} \
                    and sys_path(f.value):
                found.add(node.lineno)
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        else:
            continue
        for target in targets:
            if sys_path(target) or (isinstance(target, ast.Subscript) and sys_path(target.value)):
                found.add(node.lineno)
    return sorted(found)
