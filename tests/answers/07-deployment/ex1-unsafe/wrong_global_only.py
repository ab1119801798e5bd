# Wrong: looks only at GLOBAL and INST, so protocol 4 and 5 pickles (STACK_GLOBAL) look empty.
import pickletools


def find_unsafe_globals(data, allowed):
    names = set()
    for opcode, argument, _ in pickletools.genops(data):
        if opcode.name in ("GLOBAL", "INST"):
            names.add(argument.replace(" ", ".", 1))
    return sorted(names - set(allowed))
