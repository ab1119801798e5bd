# Right: a symbolic stack machine driven by each opcode's documented stack effect.
import pickletools


def find_unsafe_globals(data, allowed):
    mark = object()
    stack, memo, names = [], {}, set()
    for opcode, argument, _ in pickletools.genops(data):
        kind = opcode.name
        if kind == "MARK":
            stack.append(mark)
            continue
        if kind == "MEMOIZE":
            memo[len(memo)] = stack[-1]
            continue
        if kind in ("PUT", "BINPUT", "LONG_BINPUT"):
            memo[argument] = stack[-1]
            continue
        if kind in ("GET", "BINGET", "LONG_BINGET"):
            stack.append(memo[argument])
            continue
        if kind in ("GLOBAL", "INST"):
            names.add(argument.replace(" ", ".", 1))
        popped = []
        if pickletools.markobject in opcode.stack_before:  # pops everything down to the mark
            while stack and stack[-1] is not mark:
                popped.append(stack.pop())
            if stack:
                stack.pop()
            below = opcode.stack_before.index(pickletools.markobject)
            for _ in range(below):
                popped.append(stack.pop())
        else:
            for _ in opcode.stack_before:
                popped.append(stack.pop())
        if kind == "STACK_GLOBAL":
            name, module = popped[0], popped[1]
            names.add(f"{module}.{name}")
        pushed = argument if isinstance(argument, str) and "UNICODE" in kind else None
        stack.extend([pushed] * len(opcode.stack_after))
    return sorted(names - set(allowed))
