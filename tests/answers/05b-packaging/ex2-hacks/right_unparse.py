# Right: compare the unparsed text of each target with the spellings of sys.path.
import ast


def find_path_hacks(source):
    tree = ast.parse(source)
    spellings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "sys":
                    spellings.add(f"{alias.asname or 'sys'}.path")
        elif isinstance(node, ast.ImportFrom) and node.module == "sys" and node.level == 0:
            for alias in node.names:
                if alias.name == "path":
                    spellings.add(alias.asname or "path")
    lines = []
    for node in ast.walk(tree):
        hit = False
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            hit = (node.func.attr in ("append", "insert", "extend")
                   and ast.unparse(node.func.value) in spellings)
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                inner = target.value if isinstance(target, ast.Subscript) else target
                hit = hit or ast.unparse(inner) in spellings
        if hit and node.lineno not in lines:
            lines.append(node.lineno)
    return sorted(lines)
