# Wrong: collects "module-level variables" from every assignment in the file, function and
# class bodies included, so a name bound only inside another function or a class counts.
# Fails with: a name bound only inside another function or a class body
import ast


def global_reads(source):
    tree = ast.parse(source)
    variables = {n.id for n in ast.walk(tree)
                 if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    answer = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        args = node.args
        local = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
        local |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
        inner = [n for statement in node.body for n in ast.walk(statement)]
        declared = {name for n in inner if isinstance(n, ast.Global) for name in n.names}
        local |= {n.id for n in inner if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        used = {n.id for n in inner if isinstance(n, ast.Name)}
        answer[node.name] = sorted(u for u in used
                                   if u in variables and (u in declared or u not in local))
    return answer
