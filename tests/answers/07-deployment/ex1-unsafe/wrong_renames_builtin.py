# Wrong: renames Python 2 spellings (__builtin__, copy_reg) to Python 3's before reporting.
# Fails with: spells
import pickletools

_PY3 = {"__builtin__": "builtins", "copy_reg": "copyreg"}


def find_unsafe_globals(data, allowed):
    pushed, memo, names = [], {}, set()
    for opcode, argument, _ in pickletools.genops(data):
        kind = opcode.name
        if kind in ("GLOBAL", "INST"):
            module, name = argument.split(" ", 1)
            names.add(f"{_PY3.get(module, module)}.{name}")
            pushed.append(None)
        elif kind == "STACK_GLOBAL":
            names.add(f"{_PY3.get(pushed[-2], pushed[-2])}.{pushed[-1]}")
            pushed.append(None)
        elif kind == "MEMOIZE":
            memo[len(memo)] = pushed[-1]
        elif kind in ("PUT", "BINPUT", "LONG_BINPUT"):
            memo[argument] = pushed[-1]
        elif kind in ("GET", "BINGET", "LONG_BINGET"):
            pushed.append(memo.get(argument))
        elif "UNICODE" in kind or "STRING" in kind:
            pushed.append(argument)
        elif opcode.stack_after:
            pushed.append(None)
    return sorted(names - set(allowed))
