# Wrong: symbol tables, but only the function's own table: comprehension scopes are missed.
# Fails with: names read inside a comprehension or a generator expression are uses too
import symtable


def global_reads(source):
    top = symtable.symtable(source, "<source>", "exec")
    variables = {s.get_name() for s in top.get_symbols()
                 if s.is_assigned() and not s.is_imported() and not s.is_namespace()}
    return {table.get_name(): sorted(s.get_name() for s in table.get_symbols()
                                     if s.is_global() and s.get_name() in variables)
            for table in top.get_children() if table.get_type() == "function"}
