# Right: a plain loop over ast.walk, with locals and globals kept in dicts.
import ast


def global_reads(source):
    tree = ast.parse(source)
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            inside.update(id(n) for n in ast.walk(node) if n is not node)
    variables = set()
    for node in ast.walk(tree):
        if id(node) in inside:
            continue
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        variables.add(name.id)
    answer = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        params = [a.arg for a in node.args.args + node.args.posonlyargs + node.args.kwonlyargs]
        if node.args.vararg:
            params.append(node.args.vararg.arg)
        if node.args.kwarg:
            params.append(node.args.kwarg.arg)
        body_nodes = [n for statement in node.body for n in ast.walk(statement)]
        declared = {name for n in body_nodes if isinstance(n, ast.Global) for name in n.names}
        assigned = {n.id for n in body_nodes
                    if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
        local = (set(params) | assigned) - declared
        used = {n.id for n in body_nodes if isinstance(n, ast.Name)}
        answer[node.name] = sorted(name for name in used
                                   if name in variables and name not in local)
    return answer
