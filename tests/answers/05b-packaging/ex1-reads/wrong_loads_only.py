# Wrong: only reads count; a function that assigns a global after `global` is missed.
# Fails with: after a `global` statement uses it
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
            local = {a.arg for a in node.args.args + node.args.kwonlyargs}
            names = [n for s in node.body for n in ast.walk(s) if isinstance(n, ast.Name)]
            local |= {n.id for n in names if not isinstance(n.ctx, ast.Load)}
            loaded = {n.id for n in names if isinstance(n.ctx, ast.Load)}
            result[node.name] = sorted((loaded - local) & variables)
    return result
