# Right: module variables from ast, then the compiled functions' LOAD_GLOBAL/STORE_GLOBAL names.
import ast
import dis


def _global_names(code):
    names = set()
    for instruction in dis.get_instructions(code):
        if instruction.opname in {"LOAD_GLOBAL", "STORE_GLOBAL", "DELETE_GLOBAL"}:
            names.add(instruction.argval)
    for constant in code.co_consts:  # comprehensions and generator expressions
        if hasattr(constant, "co_code"):
            names |= _global_names(constant)
    return names


def _module_variables(statements):
    found = set()
    for statement in statements:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        if isinstance(statement, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            found |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        for block in ("body", "orelse", "finalbody"):
            found |= _module_variables(getattr(statement, block, []))
        for handler in getattr(statement, "handlers", []):
            found |= _module_variables(handler.body)
    return found


def global_reads(source):
    tree = ast.parse(source)
    variables = _module_variables(tree.body)
    top = {(n.name, n.lineno) for n in tree.body
           if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    module_code = compile(tree, "<source>", "exec")  # compiled, never run
    result = {name: [] for name, _ in sorted(top, key=lambda item: item[1])}
    for constant in module_code.co_consts:
        if hasattr(constant, "co_code") and (constant.co_name, constant.co_firstlineno) in top:
            result[constant.co_name] = sorted(_global_names(constant) & variables)
    return result
