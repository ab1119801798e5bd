# Wrong: every global name a function reads counts, imported modules included.
# Fails with: np is an imported module, not a module-level variable
import symtable


def global_reads(source):
    top = symtable.symtable(source, "<source>", "exec")
    module_names = {s.get_name() for s in top.get_symbols() if not s.is_namespace()}

    def globals_of(table):
        names = {s.get_name() for s in table.get_symbols() if s.is_global()}
        for child in table.get_children():
            names |= globals_of(child)
        return names

    return {table.get_name(): sorted(globals_of(table) & module_names)
            for table in top.get_children() if table.get_type() == "function"}
