# Right: an ast.NodeVisitor that learns the aliases first, then checks calls and assignments.
import ast

_CHANGING = {"append", "insert", "extend"}


class _Hacks(ast.NodeVisitor):
    def __init__(self, sys_aliases, path_aliases):
        self.sys_aliases, self.path_aliases, self.lines = sys_aliases, path_aliases, set()

    def _is_sys_path(self, node):
        if isinstance(node, ast.Subscript):
            node = node.value
        if isinstance(node, ast.Name):
            return node.id in self.path_aliases
        return (isinstance(node, ast.Attribute) and node.attr == "path"
                and isinstance(node.value, ast.Name) and node.value.id in self.sys_aliases)

    def visit_Call(self, node):
        if (isinstance(node.func, ast.Attribute) and node.func.attr in _CHANGING
                and self._is_sys_path(node.func.value)
                and not isinstance(node.func.value, ast.Subscript)):
            self.lines.add(node.lineno)
        self.generic_visit(node)

    def visit_Assign(self, node):
        if any(self._is_sys_path(t) for t in node.targets):
            self.lines.add(node.lineno)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        if self._is_sys_path(node.target):
            self.lines.add(node.lineno)
        self.generic_visit(node)


def find_path_hacks(source):
    tree = ast.parse(source)
    sys_aliases, path_aliases = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            sys_aliases.update(a.asname or a.name for a in node.names if a.name == "sys")
        if isinstance(node, ast.ImportFrom) and node.module == "sys" and not node.level:
            path_aliases.update(a.asname or a.name for a in node.names if a.name == "path")
    finder = _Hacks(sys_aliases, path_aliases)
    finder.visit(tree)
    return sorted(finder.lines)
