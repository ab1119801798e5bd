# Wrong: reports only names from a list of known-dangerous functions instead of an allow-list.
import pickletools

_DANGEROUS = {"os.system", "posix.system", "builtins.eval", "builtins.exec",
              "subprocess.Popen", "subprocess.call", "builtins.__import__"}


def find_unsafe_globals(data, allowed):
    strings, names = [], set()
    for opcode, argument, _ in pickletools.genops(data):
        if opcode.name in ("GLOBAL", "INST"):
            names.add(argument.replace(" ", ".", 1))
        elif opcode.name == "STACK_GLOBAL":
            names.add(f"{strings[-2]}.{strings[-1]}")
        elif "UNICODE" in opcode.name:
            strings.append(argument)
    return sorted((names & _DANGEROUS) - set(allowed))
