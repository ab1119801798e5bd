# Wrong: finds append/insert/extend calls (aliases too) but not assignments to sys.path.
# Fails with: assigning to sys.path, to a slice or an item of it
import ast


def find_path_hacks(source):
    tree = ast.parse(source)
    sys_names = {a.asname or "sys" for n in ast.walk(tree) if isinstance(n, ast.Import)
                 for a in n.names if a.name == "sys"}
    path_names = {a.asname or "path" for n in ast.walk(tree)
                  if isinstance(n, ast.ImportFrom) and n.module == "sys"
                  for a in n.names if a.name == "path"}
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("append", "insert", "extend"):
            owner = node.func.value
            if (isinstance(owner, ast.Name) and owner.id in path_names) or (
                    isinstance(owner, ast.Attribute) and owner.attr == "path"
                    and isinstance(owner.value, ast.Name) and owner.value.id in sys_names):
                lines.add(node.lineno)
    return sorted(lines)
