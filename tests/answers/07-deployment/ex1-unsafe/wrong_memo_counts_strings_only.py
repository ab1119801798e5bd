# Wrong: numbers the memo by counting only the strings it memoised, not every MEMOIZE.
# Fails with: memo
import pickletools


def find_unsafe_globals(data, allowed):
    pushed, memo, names = [], {}, set()
    for opcode, argument, _ in pickletools.genops(data):
        kind = opcode.name
        if kind in ("GLOBAL", "INST"):
            names.add(argument.replace(" ", ".", 1))
            pushed.append(None)
        elif kind == "STACK_GLOBAL":
            names.add(f"{pushed[-2]}.{pushed[-1]}")
            pushed.append(None)
        elif kind == "MEMOIZE":
            if isinstance(pushed[-1], str):  # only strings matter... but every MEMOIZE counts
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
