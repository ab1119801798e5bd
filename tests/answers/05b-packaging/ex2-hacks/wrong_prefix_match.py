# Wrong: unparses each call's receiver and assignment target and matches the spelling by
# prefix, so sys.path_hooks and sys.path_importer_cache count as sys.path.
# Fails with: only changes to sys.path itself count
import ast


def find_path_hacks(source):
    tree = ast.parse(source)
    spellings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            spellings |= {f"{a.asname or a.name}.path" for a in node.names if a.name == "sys"}
        elif isinstance(node, ast.ImportFrom) and node.module == "sys":
            spellings |= {a.asname or a.name for a in node.names if a.name == "path"}

    def looks_like_sys_path(node):
        text = ast.unparse(node)
        return any(text.startswith(spelling) for spelling in spellings)

    lines = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"append", "insert", "extend"}
                and looks_like_sys_path(node.func.value)):
            lines.add(node.lineno)
        elif isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(looks_like_sys_path(t) for t in targets):
                lines.add(node.lineno)
    return sorted(lines)
