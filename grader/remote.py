"""Run a test cell in the grader's process against the student's kernel.

A test cell's free names (those it neither defines nor imports, and that are not
builtins) are the student's work. Each is looked up in the kernel: plain data is copied
into the grader (see :mod:`grader.codec`); functions, classes and other objects become
:class:`RemoteObject` proxies whose calls run in the kernel and whose results come back
as plain data. The test's own logic, its imports and every comparison run here, where
student code cannot reach: monkeypatching numpy in the notebook, IPython hooks or lying
``__eq__`` methods change nothing in this process.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import io
import traceback
from dataclasses import dataclass
from typing import Any

from grader import codec
from grader.kernel import AgentError, KernelSession
from grader.spec import TestCell
from helpers.testing import arguments_of, record_effect


class StudentCodeError(Exception):
    """The student's code raised while the grader called it.

    Built-in exception types are mirrored (a student ``ValueError`` is raised here as a
    subclass of both this class and ``ValueError``) so that tests checking for them
    behave the same in the kernel and in the grader.
    """

    student_traceback: str = ""


_MIRRORED: dict[str, type[StudentCodeError]] = {}


def _mirror(name: str) -> type[StudentCodeError] | None:
    """A subclass of :class:`StudentCodeError` and of the built-in exception ``name``."""
    if name in _MIRRORED:
        return _MIRRORED[name]
    builtin = getattr(builtins, name, None)
    if not (isinstance(builtin, type) and issubclass(builtin, Exception)):
        return None
    candidate = type(name, (StudentCodeError, builtin), {"__module__": "student"})
    try:
        candidate("message")
    except Exception:  # noqa: BLE001 - e.g. UnicodeDecodeError needs five arguments
        return None
    _MIRRORED[name] = candidate
    return candidate


def _student_error(error: Any) -> StudentCodeError:
    """Build the grader-side exception for an error the student's code raised.

    A built-in type is mirrored, and so is a library's exception through the nearest
    built-in class it derives from (packaging's ``InvalidVersion`` is a ``ValueError``
    here as in the kernel), so that ``except ValueError`` in a test behaves the same in
    both graders. Never fails: malformed error records and exception types that cannot
    be built from a message become a plain :class:`StudentCodeError`.
    """
    error = error if isinstance(error, dict) else {}
    name = str(error.get("type", "Exception"))[:100]
    message = str(error.get("message", ""))[:2000]
    bases = error.get("builtin_bases")
    bases = [str(b)[:100] for b in bases[:20]] if isinstance(bases, list) else []
    cls = next((c for c in map(_mirror, [name, *bases]) if c is not None), None)
    if cls is None:
        exc = StudentCodeError(f"{name}: {message}" if message else name)
    elif cls.__name__ == name:
        exc = cls(message)
    else:  # a library's exception, shown under its own name
        exc = cls(f"{name}: {message}" if message else name)
    exc.student_traceback = str(error.get("traceback", ""))[:4000]
    return exc


class Remote:
    """The grader's side of the conversation with one kernel.

    Parameters
    ----------
    session : KernelSession
        The student's running kernel.
    timeout : float
        Seconds allowed for each request.
    """

    def __init__(self, session: KernelSession, timeout: float) -> None:
        self.session = session
        self.timeout = timeout

    def _ask(self, op: str, **fields: Any) -> Any:
        return self._decode(self._reply(op, **fields).get("value"))

    def _reply(self, op: str, **fields: Any) -> dict[str, Any]:
        reply = self.session.request(op, timeout=self.timeout, **fields)
        if not isinstance(reply, dict):
            raise AgentError("the kernel sent a malformed reply", kind="no-reply")
        if not reply.get("ok"):
            raise _student_error(reply.get("error") or {})
        return reply

    def _ask_with_effects(self, op: str, count: int, **fields: Any) -> tuple[Any, list[Any]]:
        """A call request's value and its effect reports (plain JSON, checked).

        There is one report per call, ``count`` in all, unless a call made a forbidden
        change: the batch then ends with that call, whose report says so.
        """
        reply = self._reply(op, **fields)
        effects = reply.get("effects")
        if not isinstance(effects, list) or len(effects) > count or (count and not effects):
            raise AgentError("sent data the grader cannot read (a malformed call report)",
                             kind="no-reply")
        checked = [_effect(e) for e in effects]
        if len(checked) < count and not checked[-1]["changed"]:
            raise AgentError("sent data the grader cannot read (a malformed call report)",
                             kind="no-reply")
        return self._decode(reply.get("value")), checked

    def _decode(self, tree: Any) -> Any:
        try:
            return codec.decode(tree, deref=lambda body: RemoteObject(self, body))
        except Exception as exc:  # noqa: BLE001 - any malformed reply is the kernel's fault
            raise AgentError(f"sent data the grader cannot read ({type(exc).__name__})",
                             kind="no-reply") from None

    def lookup(self, name: str) -> Any:
        """The value of ``name`` in the notebook: a copy of its data, or a proxy."""
        return self._ask("lookup", name=name)

    def getattr(self, ref: dict[str, Any], name: str) -> Any:
        """``getattr`` on a kernel-side object."""
        return self._ask("getattr", target={"$ref": ref}, attr=name)

    def call(self, ref: dict[str, Any], args: tuple, kwargs: dict[str, Any]) -> Any:
        """Call a kernel-side object with plain-data arguments.

        Statistics of :class:`helpers.testing.TrackedStream` arguments are copied back
        onto the caller's streams.
        """
        result, [effect] = self._ask_with_effects(
            "call", 1, target={"$ref": ref}, args=_encode_arg(list(args)),
            kwargs=_encode_arg(dict(kwargs)))
        record_effect(arguments_of(args, kwargs), effect)
        return result

    def call_many(self, ref: dict[str, Any], calls: list[Any], *,
                  unchanged: bool | list[str | int] = False,
                  watch: list[str] | tuple[str, ...] = ()) -> tuple[list[Any], list[Any]]:
        """Call a kernel-side object once per element of ``calls`` in one round trip.

        Returns
        -------
        results, effects : list
            What each call returned, and what it changed (see
            :func:`helpers.testing.call_with_effects`, which runs in the kernel).
        """
        normalised = []
        for call in calls:
            if isinstance(call, dict):
                normalised.append(((), call))
            elif isinstance(call, tuple | list):
                normalised.append((tuple(call), {}))
            else:
                raise TypeError("call_many takes dicts (keyword args) or tuples (positional)")
        results, effects = self._ask_with_effects(
            "call_many", len(calls), target={"$ref": ref}, calls=_encode_arg(normalised),
            options={"unchanged": unchanged, "watch": list(watch)})
        if not isinstance(results, list) or len(results) != len(effects):
            raise AgentError("sent data the grader cannot read (wrong number of results)",
                             kind="no-reply")
        return results, effects


def _effect(effect: Any) -> dict[str, Any]:
    """Check one call's effect report; ``None`` means nothing to report.

    Anything malformed is the kernel's fault (an :class:`AgentError`).
    """
    if effect is None:
        return {"changed": [], "streams": []}
    try:
        changed, streams = effect["changed"], effect["streams"]
        ok = (isinstance(changed, list) and all(isinstance(c, str) for c in changed)
              and isinstance(streams, list)
              and all(isinstance(s, list) and len(s) == 2 and isinstance(s[0], str | int)
                      and isinstance(s[1], dict)
                      and all(isinstance(s[1].get(k), int)
                              for k in ("items_read", "peak_alive", "reads_after_end"))
                      for s in streams))
    except (TypeError, ValueError, KeyError):
        ok = False
    if not ok:
        raise AgentError("sent data the grader cannot read (a malformed call report)",
                         kind="no-reply")
    return {"changed": [c[:300] for c in changed], "streams": streams}


def _encode_arg(value: Any) -> Any:
    def ref(obj: Any) -> Any:
        if isinstance(obj, RemoteObject):
            return {"$ref": obj._ref}
        raise codec.Unencodable(
            f"the test passes a {type(obj).__name__} to the notebook; tests may pass only "
            "plain data (this is a bug in the test, not in your answer)")
    return codec.encode(value, ref=ref)


class RemoteObject:
    """A proxy for an object that lives in the student's kernel."""

    __slots__ = ("_remote", "_ref")

    def __init__(self, remote: Remote, ref: dict[str, Any]) -> None:
        object.__setattr__(self, "_remote", remote)
        object.__setattr__(self, "_ref", ref)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Call the object in the kernel; the result comes back as plain data."""
        return self._remote.call(self._ref, args, kwargs)

    def _call_many_(self, calls: list[Any], **options: Any) -> tuple[list[Any], list[Any]]:
        """Batch hook used by :func:`helpers.testing.call_many`: one round trip."""
        return self._remote.call_many(self._ref, calls, **options)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return self._remote.getattr(self._ref, name)

    def __repr__(self) -> str:
        return f"<student {self._ref.get('type', 'object')}>"


# ------------------------------------------------------------------------ free names
def free_names(source: str) -> set[str]:
    r"""Names a cell reads but never binds, imports or gets from builtins.

    Examples
    --------
    >>> sorted(free_names("import numpy as np\nx = np.arange(3)\nassert f(x) == y"))
    ['f', 'y']
    """
    tree = ast.parse(source)
    loaded: set[str] = set()
    bound: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
        elif isinstance(node, ast.Global | ast.Nonlocal):
            bound.update(node.names)
    return loaded - bound - set(dir(builtins))


# ------------------------------------------------------------------------ test run
@dataclass
class TestOutcome:
    """The verdict on one test cell.

    Attributes
    ----------
    passed : bool
        Every check in the cell passed.
    message : str
        For a failure, what went wrong, safe to show the student.
    """

    passed: bool
    message: str = ""


def run_test_cell(test: TestCell, remote: Remote) -> TestOutcome:
    """Execute ``test`` in this process with the student's names bound to remote values.

    Returns
    -------
    TestOutcome
        The verdict and, for a failure, a message that never quotes hidden test code.
    """
    namespace: dict[str, Any] = {"__name__": "__grader_test__", "__builtins__": builtins}
    for name in sorted(free_names(test.source)):
        try:
            namespace[name] = remote.lookup(name)
        except NameError:
            pass  # left undefined: the test fails with a NameError that says so
        except StudentCodeError as exc:
            return TestOutcome(False, f"could not read `{name}` from your notebook: {exc}")
        except Exception as exc:  # noqa: BLE001 - AgentError and anything unforeseen
            return TestOutcome(False, f"could not read `{name}` from your notebook: {exc}")
    code = compile(test.source, f"<test {test.grade_id}>", "exec")
    sink = io.StringIO()
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            exec(code, namespace)  # noqa: S102 - the instructor's own test code
    except Exception as exc:  # noqa: BLE001 - every failure becomes feedback
        return TestOutcome(False, _failure_message(test, exc))
    return TestOutcome(True)


def _failure_message(test: TestCell, exc: BaseException) -> str:
    line = _test_line(test, exc)
    hidden = line is not None and test.is_hidden_line(line)
    where = "a hidden test" if hidden else (f"line {line} of the test cell" if line else "")
    if isinstance(exc, AgentError):
        called = f" while {where} was calling it" if where else ""
        return {
            "timeout": f"Your code {exc}{called}. Look for an infinite loop or very slow code.",
            "died": f"Your code crashed the Python kernel{called} (it exited, or was killed "
                    "for using too much memory).",
        }.get(exc.kind, f"Your notebook's kernel {exc}{called}")
    if isinstance(exc, StudentCodeError):
        message = f"Your code raised {type(exc).__name__}: {exc}".rstrip(": ")
        if exc.student_traceback:
            message += f"\n{exc.student_traceback.strip()}"
        return message + (f"\n(called from {where})" if where else "")
    if isinstance(exc, NameError):
        return (f"{exc}. Run the cell that defines it (and make sure it runs without "
                "errors) before the test cell.")
    if isinstance(exc, AssertionError):
        text = str(exc).strip()
        if text:
            return f"Failed: {text}"
        if hidden or line is None:
            return "A hidden check failed."
        return f"Failed: {test.source.splitlines()[line - 1].strip()}"
    if hidden:
        return f"A hidden check could not run on your answer: {type(exc).__name__}: {exc}"
    if line is None:
        return f"{type(exc).__name__}: {exc}"
    return (f"{type(exc).__name__}: {exc} (at {where}: "
            f"`{test.source.splitlines()[line - 1].strip()}`)")


def _test_line(test: TestCell, exc: BaseException) -> int | None:
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f.lineno for f in frames if f.filename == f"<test {test.grade_id}>"]
    return lines[-1] if lines else None


__all__ = ["Remote", "RemoteObject", "StudentCodeError", "TestOutcome", "free_names",
           "run_test_cell"]
