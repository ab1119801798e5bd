# Right: an Unpickler whose find_class records each name and returns a harmless stub class.
import io
import pickle


class _Stub:
    """Stands in for every imported name: accepts any call, item or state, does nothing."""

    def __new__(cls, *args, **kwargs):
        return object.__new__(cls)

    def __init__(self, *args, **kwargs):
        pass

    def __setstate__(self, state):
        pass

    def __setitem__(self, key, value):
        pass

    def append(self, item):
        pass

    def extend(self, items):
        pass


class _Recorder(pickle.Unpickler):
    def __init__(self, data):
        # fix_imports=False: report names as the file spells them (__builtin__, copy_reg).
        super().__init__(io.BytesIO(data), fix_imports=False)
        self.names = set()

    def find_class(self, module, name):
        self.names.add(f"{module}.{name}")
        return _Stub  # nothing is imported, nothing real is called


def find_unsafe_globals(data, allowed):
    recorder = _Recorder(data)
    recorder.load()
    return sorted(recorder.names - set(allowed))
