# Wrong: leaves out the functions that use no module-level variable.
# Fails with: one entry for every top-level function
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

    result = {}
    for table in top.get_children():
        if table.get_type() == "function":
            used = sorted(globals_of(table) & variables)
            if used:
                result[table.get_name()] = used
    return result
