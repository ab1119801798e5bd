# Wrong: module-level variables only from plain `=` statements directly in the module body.
# Fails with: assignments inside top-level if, for and try blocks
import ast


def global_reads(source):
    tree = ast.parse(source)
    variables = set()
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                variables |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    result = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            local = {a.arg for a in node.args.args + node.args.kwonlyargs}
            declared = set()
            used = set()
            for n in (n for s in node.body for n in ast.walk(s)):
                if isinstance(n, ast.Global):
                    declared.update(n.names)
                elif isinstance(n, ast.Name):
                    used.add(n.id)
                    if not isinstance(n.ctx, ast.Load):
                        local.add(n.id)
            result[node.name] = sorted(
                name for name in used
                if name in variables and (name in declared or name not in local))
    return result
