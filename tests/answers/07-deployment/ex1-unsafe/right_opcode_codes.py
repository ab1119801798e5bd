# Right: matches opcodes by their one-byte codes and keeps only strings in its memo.
import pickletools

_TEXT = {"V", "X", "\x8c", "\x8d", "S", "T", "U"}  # UNICODE ... SHORT_BINSTRING
_PUT = {"p", "q", "r"}
_GET = {"g", "h", "j"}


def find_unsafe_globals(data, allowed):
    found = set()
    last_two = [None, None]  # the two most recent values pushed (None: not a string)
    strings_in_memo = {}
    memo_size = 0
    for opcode, argument, _ in pickletools.genops(data):
        code = opcode.code
        if code in ("c", "i"):  # GLOBAL, INST
            found.add(".".join(argument.split(" ", 1)))
            last_two = [last_two[1], None]
        elif code == "\x93":  # STACK_GLOBAL
            found.add(f"{last_two[0]}.{last_two[1]}")
            last_two = [last_two[1], None]
        elif code == "\x94":  # MEMOIZE
            strings_in_memo[memo_size] = last_two[1]
            memo_size += 1
        elif code in _PUT:
            strings_in_memo[argument] = last_two[1]
        elif code in _GET:
            last_two = [last_two[1], strings_in_memo.get(argument)]
        elif code in _TEXT:
            last_two = [last_two[1], argument]
        elif opcode.stack_after:
            last_two = [last_two[1], None]
    return sorted(found.difference(allowed))
