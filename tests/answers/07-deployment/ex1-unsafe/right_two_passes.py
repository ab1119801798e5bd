# Right: list the opcodes first, then resolve each STACK_GLOBAL by walking back over them.
import pickletools

_STRINGS = ("UNICODE", "SHORT_BINUNICODE", "BINUNICODE", "BINUNICODE8")
_NO_PUSH = ("MEMOIZE", "PUT", "BINPUT", "LONG_BINPUT", "FRAME", "PROTO")


def find_unsafe_globals(data, allowed):
    ops = list(pickletools.genops(data))
    memo, value_of = {}, {}
    last_value = None
    for index, (opcode, argument, _) in enumerate(ops):
        kind = opcode.name
        if kind in _STRINGS:
            last_value = argument
        elif kind in ("GET", "BINGET", "LONG_BINGET"):
            last_value = memo.get(argument)
        elif kind == "MEMOIZE":
            memo[len(memo)] = last_value
        elif kind in ("PUT", "BINPUT", "LONG_BINPUT"):
            memo[argument] = last_value
        elif kind not in _NO_PUSH:
            last_value = None
        value_of[index] = last_value
    found = []
    for index, (opcode, argument, _) in enumerate(ops):
        if opcode.name in ("GLOBAL", "INST"):
            module, name = argument.split(" ", 1)
            found.append(f"{module}.{name}")
        elif opcode.name == "STACK_GLOBAL":
            pushes = [i for i in range(index - 1, -1, -1) if ops[i][0].name not in _NO_PUSH][:2]
            name, module = value_of[pushes[0]], value_of[pushes[1]]
            found.append(f"{module}.{name}")
    return sorted(set(found) - set(allowed))
