"""The grader's agent inside the student's kernel.

The grader sends one request per ``execute_request``: a call of :func:`serve` with a
JSON text. The agent looks names up in the notebook's namespace, calls the student's
functions, and publishes the answer as plain data (see :mod:`grader.codec`) in a
``display_data`` message of its own MIME type, tagged with the request's nonce.

Nothing here is trusted by the grader: student code may replace or break this module,
and the worst it can achieve is to send data of its own choosing, which the grader then
checks like any other answer. Objects that are not plain data (the student's class
instances, functions) stay in the kernel; the grader gets a reference to them.

Every call is made through :func:`helpers.testing.call_with_effects`, which reports what
the call changed (arguments and globals the test asked about, statistics of
:class:`helpers.testing.TrackedStream` arguments): the grader only ever holds copies of
the arguments, so those effects can be seen only here.
"""

from __future__ import annotations

import json
import traceback
import types
from typing import Any

from grader import codec
from helpers.testing import call_with_effects

#: MIME type of the agent's replies.
REPLY_MIME = "application/x-course-grader-reply+json"

_objects: dict[int, Any] = {}


def _namespace() -> dict[str, Any]:
    from IPython import get_ipython

    shell = get_ipython()
    return shell.user_ns if shell is not None else {}


def _ref(value: Any) -> dict[str, Any]:
    key = len(_objects) + 1
    _objects[key] = value
    return {"$ref": {"id": key, "type": type(value).__name__, "callable": callable(value)}}


def _deref(body: Any) -> Any:
    return _objects[int(body["id"])]


def _result(value: Any) -> dict[str, Any]:
    if callable(value):
        return _ref(value)
    return codec.encode(value, ref=_ref)


def _plain(effect: dict[str, Any]) -> dict[str, Any] | None:
    """An effect as plain JSON, or ``None`` when there is nothing to report (most calls)."""
    if not effect["changed"] and not effect["streams"]:
        return None
    return {"changed": effect["changed"], "streams": effect["streams"]}


def _lookup(name: str) -> Any:
    namespace = _namespace()
    if name not in namespace:
        raise NameError(f"name {name!r} is not defined")
    return namespace[name]


def _handle(request: dict[str, Any]) -> dict[str, Any]:
    op = request["op"]
    if op == "lookup":
        value = _lookup(request["name"])
        if isinstance(value, types.ModuleType):
            raise TypeError(f"{request['name']!r} is a module, not an answer")
        return {"ok": True, "value": _result(value)}
    target = codec.decode(request["target"], deref=_deref)
    if op == "getattr":
        return {"ok": True, "value": _result(getattr(target, request["attr"]))}
    if op == "call":
        args = codec.decode(request["args"], deref=_deref)
        kwargs = codec.decode(request["kwargs"], deref=_deref)
        result, effect = call_with_effects(target, args, kwargs)
        return {"ok": True, "value": _result(result), "effects": [_plain(effect)]}
    if op == "call_many":
        # Side effects (changed arguments or globals, stream statistics) are observed
        # here, on the objects the student's function really received.
        options = request.get("options") or {}
        unchanged = options.get("unchanged", False)
        unchanged = unchanged if isinstance(unchanged, bool) else set(unchanged)
        watch = [str(name) for name in options.get("watch", [])]
        results, effects = [], []
        for args, kwargs in codec.decode(request["calls"], deref=_deref):
            result, effect = call_with_effects(target, list(args), dict(kwargs),
                                               unchanged=unchanged, watch=watch)
            results.append(_result(result))
            effects.append(_plain(effect))
            if effect["changed"]:
                break  # the first forbidden change ends the batch (helpers.testing does too)
        return {"ok": True, "value": results, "effects": effects}
    raise ValueError(f"unknown request {op!r}")


def _error(exc: BaseException) -> dict[str, Any]:
    frames = traceback.extract_tb(exc.__traceback__)
    # Keep only the student's frames: drop this module's own.
    student = [f for f in frames if not f.filename.endswith("kernel_agent.py")]
    lines = traceback.format_list(student[-6:])
    # The built-in exception classes it derives from, nearest first, so that the grader
    # can mirror a library's ValueError subclass as a ValueError.
    builtin_bases = [cls.__name__ for cls in type(exc).__mro__
                     if cls.__module__ == "builtins" and issubclass(cls, BaseException)]
    return {"ok": False, "error": {"type": type(exc).__name__,
                                   "module": type(exc).__module__,
                                   "builtin_bases": builtin_bases[:20],
                                   "message": str(exc)[:2000],
                                   "traceback": "".join(lines)[-4000:]}}


def serve(request_text: str) -> None:
    """Answer one grader request and publish the reply.

    Parameters
    ----------
    request_text : str
        JSON object with ``nonce``, ``op`` and the operation's fields.
    """
    from IPython.display import publish_display_data

    request = json.loads(request_text)
    try:
        reply = _handle(request)
        text = json.dumps(reply, allow_nan=False, separators=(",", ":"))
        if len(text) > codec.MAX_PAYLOAD_BYTES:
            raise codec.CodecError(
                f"the value is too large to transfer ({len(text) / 2**20:.0f} MB)")
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the grader
        if isinstance(exc, KeyboardInterrupt):
            raise
        text = json.dumps(_error(exc))
    publish_display_data({REPLY_MIME: {"nonce": request["nonce"], "reply": text}})
