# Right: Python's own symbol tables, recursing into comprehension scopes.
import symtable


def global_reads(source):
    top = symtable.symtable(source, "<source>", "exec")
    variables = {s.get_name() for s in top.get_symbols()
                 if s.is_assigned() and not s.is_imported() and not s.is_namespace()}

    def globals_of(table):
        names = {s.get_name() for s in table.get_symbols() if s.is_global()}
        for child in table.get_children():
            names |= globals_of(child)
        return names

    return {table.get_name(): sorted(globals_of(table) & variables)
            for table in top.get_children() if table.get_type() == "function"}
