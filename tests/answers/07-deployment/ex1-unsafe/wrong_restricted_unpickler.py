# Wrong: the "restricting globals" recipe: it loads allowed names for real (and calls them)
# and stops at the first unknown one.
# Fails with: ran code from a pickle
import importlib
import io
import pickle


class _Refused(Exception):
    pass


def find_unsafe_globals(data, allowed):
    allowed = set(allowed)

    class Restricted(pickle.Unpickler):
        def find_class(self, module, name):
            if f"{module}.{name}" in allowed:
                return getattr(importlib.import_module(module), name)
            raise _Refused(f"{module}.{name}")

    try:
        Restricted(io.BytesIO(data), fix_imports=False).load()
    except _Refused as refused:
        return [str(refused)]
    return []
