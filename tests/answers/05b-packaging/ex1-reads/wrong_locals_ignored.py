# Wrong: parameters are local, but names the function assigns itself are not treated as local.
# Fails with: a name the function assigns itself is local
import ast


def global_reads(source):
    tree = ast.parse(source)
    variables = set()
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                variables |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
        for field in ("body", "orelse", "finalbody", "handlers"):
            pending.extend(getattr(node, field, []))
    result = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            params = {a.arg for a in node.args.args + node.args.kwonlyargs}
            used = {n.id for s in node.body for n in ast.walk(s) if isinstance(n, ast.Name)}
            result[node.name] = sorted((used - params) & variables)
    return result
