# Wrong: right names, but in the order they appear and with repeats, not sorted and distinct.
import pickletools


def find_unsafe_globals(data, allowed):
    pushed, memo, names = [], {}, []
    for opcode, argument, _ in pickletools.genops(data):
        kind = opcode.name
        if kind in ("GLOBAL", "INST"):
            names.append(argument.replace(" ", ".", 1))
            pushed.append(None)
        elif kind == "STACK_GLOBAL":
            names.append(f"{pushed[-2]}.{pushed[-1]}")
            pushed.append(None)
        elif kind == "MEMOIZE":
            memo[len(memo)] = pushed[-1]
        elif kind in ("PUT", "BINPUT", "LONG_BINPUT"):
            memo[argument] = pushed[-1]
        elif kind in ("GET", "BINGET", "LONG_BINGET"):
            pushed.append(memo.get(argument))
        elif "UNICODE" in kind:
            pushed.append(argument)
        elif opcode.stack_after:
            pushed.append(None)
    return [name for name in names if name not in set(allowed)]
