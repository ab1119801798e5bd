# Wrong: takes the last two literal strings before STACK_GLOBAL and ignores the memo (BINGET).
# Fails with: memo
import pickletools


def find_unsafe_globals(data, allowed):
    strings, names = [], set()
    for opcode, argument, _ in pickletools.genops(data):
        if opcode.name in ("GLOBAL", "INST"):
            names.add(argument.replace(" ", ".", 1))
        elif opcode.name == "STACK_GLOBAL":
            names.add(f"{strings[-2]}.{strings[-1]}")
        elif "UNICODE" in opcode.name:
            strings.append(argument)
    return sorted(names - set(allowed))
