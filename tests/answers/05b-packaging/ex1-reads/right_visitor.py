# Right: an ast.NodeVisitor per function, then filter by the module's assigned names.
import ast


class _Uses(ast.NodeVisitor):
    def __init__(self):
        self.loaded, self.stored, self.declared = set(), set(), set()

    def visit_Global(self, node):
        self.declared.update(node.names)

    def visit_Name(self, node):
        (self.loaded if isinstance(node.ctx, ast.Load) else self.stored).add(node.id)

    def visit_arg(self, node):
        self.stored.add(node.arg)


def _module_variables(statements, found):
    for node in statements:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        if isinstance(node, ast.Assign):
            for target in node.targets:
                found.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            found.update(n.id for n in ast.walk(node.target) if isinstance(n, ast.Name))
        for field in ("body", "orelse", "finalbody"):
            _module_variables(getattr(node, field, []), found)
        for handler in getattr(node, "handlers", []):
            _module_variables(handler.body, found)
    return found


def global_reads(source):
    tree = ast.parse(source)
    variables = _module_variables(tree.body, set())
    result = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            uses = _Uses()
            uses.visit(node.args)
            for statement in node.body:
                uses.visit(statement)
            names = (uses.loaded - uses.stored) | uses.declared
            result[node.name] = sorted(names & variables)
    return result
