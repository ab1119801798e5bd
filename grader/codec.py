"""Plain-data codec between the grader's process and the student's kernel.

Values cross the process boundary as JSON text built only from plain data: numbers,
strings, lists and tagged dictionaries. The decoder rebuilds *fresh* objects of the
grader's own types (``list``, ``numpy.ndarray``, ``pandas.DataFrame``...), so no object
created by student code ever reaches the grader: an ``__eq__`` that always returns
``True`` or a rigged subclass of ``list`` is simply not transferred, only its data.

The same module runs on both sides. Encoding happens in the sender's process, decoding
in the receiver's; the decoder trusts nothing (unknown tags, dtypes that are not plain
numbers, strings or dates, and over-large payloads are refused with
:class:`CodecError`).

Examples
--------
>>> import numpy as np
>>> text = dumps({"a": [1, 2.5, None], "b": np.arange(3)})
>>> value = loads(text)
>>> value["a"], value["b"].tolist()
([1, 2.5, None], [0, 1, 2])
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pandas as pd

from helpers.testing import TrackedStream

#: Largest encoded payload accepted in either direction (bytes of JSON text).
MAX_PAYLOAD_BYTES = 64 * 2**20
#: Most items taken from an iterator before it is refused as too long.
MAX_ITER_ITEMS = 1_000_000
#: numpy dtype kinds whose raw bytes are safe to rebuild: bool, ints, floats, complex,
#: datetimes, timedeltas, fixed-width str and bytes.
_RAW_KINDS = frozenset("biufcmMUS")
#: pandas extension dtypes the decoder may rebuild, by name.
_EXTENSION_DTYPES = frozenset(
    {"str", "string", "boolean", "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16",
     "UInt32", "UInt64", "Float32", "Float64"}
)


#: Types sent once per payload: a table passed to many calls is encoded (and rebuilt on
#: the other side) once, and every call gets that same object, as it would in-process.
_SHAREABLE = (pd.DataFrame, pd.Series, np.ndarray)
#: The tags of those types in a payload (see ``_Decoder``).
_SHAREABLE_TAGS = frozenset({"$dataframe", "$series", "$ndarray"})


class CodecError(ValueError):
    """A value cannot be encoded or a payload cannot be decoded."""


class Unencodable(CodecError):
    """A value is not plain data (a function, a module, an arbitrary object)."""


# --------------------------------------------------------------------------- encoding
def encode(value: Any, *, ref: Callable[[Any], Any] | None = None) -> Any:
    """Turn ``value`` into a JSON-compatible tree of plain data.

    Parameters
    ----------
    value : object
        The value to encode.
    ref : callable, optional
        Called with any value that is not plain data; must return a JSON-compatible
        placeholder (the kernel side stores the object and returns a reference).
        Without it such values raise :class:`Unencodable`.

    Returns
    -------
    object
        A tree of ``None``, ``bool``, ``int``, ``float``, ``str``, ``list`` and ``dict``.
    """
    return _Encoder(ref).encode(value)


class _Encoder:
    def __init__(self, ref: Callable[[Any], Any] | None) -> None:
        self.ref = ref
        self.depth = 0
        # Tables and arrays already sent, by identity, numbered in the order their
        # encoding finished (the decoder numbers them the same way). The objects are kept
        # alive so that an id is never reused by a new object while encoding.
        self.shared: dict[int, int] = {}
        self.alive: list[Any] = []

    def encode(self, value: Any) -> Any:  # noqa: C901 - a flat type switch reads best
        self.depth += 1
        try:
            if self.depth > 60:
                raise CodecError("the value is nested too deeply to transfer")
            return self._encode(value)
        finally:
            self.depth -= 1

    def _encode(self, value: Any) -> Any:
        if isinstance(value, _SHAREABLE):
            number = self.shared.get(id(value))
            if number is not None:
                return {"$again": number}
            tree = self._encode_value(value)
            self.shared[id(value)] = len(self.shared)
            self.alive.append(value)
            return tree
        return self._encode_value(value)

    def _encode_value(self, value: Any) -> Any:
        if value is None or isinstance(value, bool | str):
            return value if not isinstance(value, str) else str(value)
        if isinstance(value, np.generic):
            return {"$np": _encode_array(np.asarray(value).reshape(1))}
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float):
            return _encode_float(float(value))
        if isinstance(value, complex):
            return {"$complex": [_encode_float(value.real), _encode_float(value.imag)]}
        if isinstance(value, bytes | bytearray):
            return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
        if isinstance(value, pd.DataFrame):
            return {"$dataframe": {
                "columns": self.encode(value.columns),
                "index": self.encode(value.index),
                "data": [self._column(value.iloc[:, i]) for i in range(value.shape[1])],
            }}
        if isinstance(value, pd.Series):
            return {"$series": {"name": self.encode(value.name),
                                "index": self.encode(value.index),
                                "values": self._column(value)}}
        if isinstance(value, pd.RangeIndex):
            return {"$rangeindex": [value.start, value.stop, value.step,
                                    self.encode(value.name)]}
        if isinstance(value, pd.MultiIndex):
            return {"$multiindex": {"tuples": [self.encode(t) for t in value.tolist()],
                                    "names": [self.encode(n) for n in value.names]}}
        if isinstance(value, pd.Index):
            return {"$index": {"values": self._column(value), "name": self.encode(value.name)}}
        if isinstance(value, pd.Timestamp):
            return {"$timestamp": [value.isoformat(), str(value.tz) if value.tz else None]}
        if isinstance(value, pd.Timedelta):
            return {"$timedelta": int(value.value)}
        if isinstance(value, np.ndarray):
            return {"$ndarray": self._array(value)}
        if isinstance(value, list):
            return [self.encode(v) for v in list(value)]
        if isinstance(value, tuple):
            return {"$tuple": [self.encode(v) for v in tuple(value)]}
        if isinstance(value, dict):
            return {"$dict": [[self.encode(k), self.encode(v)] for k, v in dict(value).items()]}
        if isinstance(value, frozenset):
            return {"$frozenset": [self.encode(v) for v in value]}
        if isinstance(value, set):
            return {"$set": [self.encode(v) for v in value]}
        if isinstance(value, range):
            return {"$range": [value.start, value.stop, value.step]}
        if isinstance(value, TrackedStream):
            return {"$trackedstream": value.to_spec()}
        if isinstance(value, Iterator):
            items = []
            for item in value:
                if len(items) >= MAX_ITER_ITEMS:
                    raise CodecError(f"an iterator yielded more than {MAX_ITER_ITEMS:,} items")
                items.append(self.encode(item))
            return {"$iter": items}
        if self.ref is not None:
            return self.ref(value)
        raise Unencodable(
            f"a value of type {type(value).__name__} cannot be sent between the grader and "
            "the notebook; use plain data (numbers, strings, lists, dicts, numpy arrays, "
            "pandas objects)"
        )

    def _array(self, array: np.ndarray) -> dict[str, Any]:
        array = np.asarray(array)
        if array.dtype.kind in _RAW_KINDS and array.dtype.fields is None:
            return _encode_array(array)
        if array.dtype.kind == "O":
            return {"shape": list(array.shape),
                    "objects": [self.encode(v) for v in array.ravel().tolist()]}
        raise Unencodable(f"numpy arrays of dtype {array.dtype} cannot be transferred")

    def _column(self, values: pd.Series | pd.Index) -> dict[str, Any]:
        dtype = values.dtype
        if isinstance(dtype, pd.CategoricalDtype):
            cat = pd.Categorical(values)
            return {"categorical": {"categories": self.encode(cat.categories),
                                    "codes": self._array(np.asarray(cat.codes)),
                                    "ordered": bool(cat.ordered)}}
        if isinstance(dtype, np.dtype) and dtype.kind != "O":
            return {"array": self._array(values.to_numpy())}
        if isinstance(dtype, pd.DatetimeTZDtype):
            return {"datetimetz": {"utc": self._array(
                values.tz_convert("UTC").tz_localize(None).to_numpy()
                if isinstance(values, pd.Index)
                else values.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy()),
                "tz": str(dtype.tz)}}
        objects = [None if _is_missing(v) else v for v in values.to_numpy(dtype=object).tolist()]
        if not all(v is None or type(v) is str for v in objects):  # text needs no encoding
            objects = [self.encode(v) for v in objects]
        encoded = {"objects": objects}
        if str(dtype) in _EXTENSION_DTYPES:
            encoded["dtype"] = str(dtype)
        return encoded


def _is_missing(value: Any) -> bool:
    try:
        return value is pd.NA or value is pd.NaT or (
            isinstance(value, float) and value != value
        )
    except TypeError:
        return False


def _encode_float(value: float) -> Any:
    if value != value:
        return {"$float": "nan"}
    if value in (float("inf"), float("-inf")):
        return {"$float": "inf" if value > 0 else "-inf"}
    return value


def _encode_array(array: np.ndarray) -> dict[str, Any]:
    contiguous = np.ascontiguousarray(array)
    return {"dtype": contiguous.dtype.str, "shape": list(contiguous.shape),
            "raw": base64.b64encode(contiguous.tobytes()).decode("ascii")}


def dumps(value: Any, *, ref: Callable[[Any], Any] | None = None) -> str:
    """Encode ``value`` (see :func:`encode`) as JSON text.

    Raises
    ------
    CodecError
        If the value is not plain data or its encoding exceeds :data:`MAX_PAYLOAD_BYTES`.
    """
    text = json.dumps(encode(value, ref=ref), allow_nan=False, separators=(",", ":"))
    if len(text) > MAX_PAYLOAD_BYTES:
        raise CodecError(
            f"the value is too large to transfer ({len(text) / 2**20:.0f} MB of data; "
            f"the limit is {MAX_PAYLOAD_BYTES / 2**20:.0f} MB)"
        )
    return text


# --------------------------------------------------------------------------- decoding
def decode(tree: Any, *, deref: Callable[[Any], Any] | None = None) -> Any:
    """Rebuild a value from a tree made by :func:`encode`.

    Parameters
    ----------
    tree : object
        The JSON-compatible tree.
    deref : callable, optional
        Called with the payload of a ``{"$ref": ...}`` node; returns the object to use.
        Without it references raise :class:`CodecError`.
    """
    return _Decoder(deref).decode(tree)


class _Decoder:
    def __init__(self, deref: Callable[[Any], Any] | None) -> None:
        self.deref = deref
        self.shared: list[Any] = []

    def decode(self, tree: Any) -> Any:
        if tree is None or isinstance(tree, bool | int | float | str):
            return tree
        if isinstance(tree, list):
            return [self.decode(v) for v in tree]
        if not isinstance(tree, dict) or len(tree) != 1:
            raise CodecError("malformed payload: expected a single-tag object")
        (tag, body), = tree.items()
        if tag == "$again":
            number = _int(body)
            if not 0 <= number < len(self.shared):
                raise CodecError("malformed payload: a repeated value that was never sent")
            return self.shared[number]
        value = self._decode_tagged(tag, body)
        if tag in _SHAREABLE_TAGS:
            self.shared.append(value)
        return value

    def _decode_tagged(self, tag: str, body: Any) -> Any:  # noqa: C901 - a flat tag switch
        match tag:
            case "$float":
                return float(_one_of(body, ("nan", "inf", "-inf")))
            case "$complex":
                return complex(self.decode(body[0]), self.decode(body[1]))
            case "$bytes":
                return base64.b64decode(_text(body), validate=True)
            case "$np":
                return _decode_raw_array(body)[0]
            case "$ndarray":
                return self._array(body)
            case "$tuple":
                return tuple(self.decode(v) for v in _items(body))
            case "$dict":
                return {self._key(k): self.decode(v) for k, v in _pairs(body)}
            case "$set":
                return {self._key(v) for v in _items(body)}
            case "$frozenset":
                return frozenset(self._key(v) for v in _items(body))
            case "$range":
                return range(*[_int(v) for v in _items(body)])
            case "$iter":
                return iter([self.decode(v) for v in _items(body)])
            case "$trackedstream":
                if not isinstance(body, dict) or set(body) != {"n", "start"}:
                    raise CodecError("malformed payload: bad stream")
                n = _int(body["n"])
                if not 0 <= n <= MAX_ITER_ITEMS * 100:
                    raise CodecError("malformed payload: stream too long")
                return TrackedStream(n, start=_int(body["start"]))
            case "$timestamp":
                stamp, tz = _items(body)
                return pd.Timestamp(_text(stamp)).tz_convert(tz) if tz else pd.Timestamp(
                    _text(stamp))
            case "$timedelta":
                return pd.Timedelta(_int(body), unit="ns")
            case "$rangeindex":
                start, stop, step, name = _items(body)
                return pd.RangeIndex(_int(start), _int(stop), _int(step), name=self.decode(name))
            case "$multiindex":
                return pd.MultiIndex.from_tuples(
                    [self.decode(t) for t in _items(body["tuples"])],
                    names=[self.decode(n) for n in _items(body["names"])])
            case "$index":
                return pd.Index(self._column(body["values"]), name=self.decode(body["name"]))
            case "$series":
                # In the encoder's order (name, index, values): shared values are numbered
                # in the order they were sent.
                name = self.decode(body["name"])
                index = self.decode(body["index"])
                return pd.Series(self._column(body["values"]), index=index, name=name,
                                 copy=False)
            case "$dataframe":
                columns = self.decode(body["columns"])
                index = self.decode(body["index"])
                data = [self._column(c) for c in _items(body["data"])]
                if len(data) != len(columns):
                    raise CodecError("malformed payload: column count mismatch")
                frame = pd.concat(
                    [pd.Series(col, index=index, copy=False) for col in data], axis=1
                ) if data else pd.DataFrame(index=index)
                frame.columns = columns
                return frame
            case "$ref":
                if self.deref is None:
                    raise CodecError("references are not accepted here")
                return self.deref(body)
        raise CodecError(f"malformed payload: unknown tag {tag!r}")

    def _key(self, tree: Any) -> Any:
        key = self.decode(tree)
        if isinstance(key, list):
            return tuple(key)
        return key

    def _array(self, body: dict[str, Any]) -> np.ndarray:
        if "objects" in body:
            shape = tuple(_int(s) for s in _items(body["shape"]))
            flat = [self.decode(v) for v in _items(body["objects"])]
            array = np.empty(len(flat), dtype=object)
            array[:] = flat if flat else []
            return array.reshape(shape)
        return _decode_raw_array(body)

    def _column(self, body: dict[str, Any]) -> Any:
        if "array" in body:
            return self._array(body["array"])
        if "categorical" in body:
            cat = body["categorical"]
            return pd.Categorical.from_codes(
                self._array(cat["codes"]), categories=self.decode(cat["categories"]),
                ordered=bool(cat["ordered"]))
        if "datetimetz" in body:
            utc = self._array(body["datetimetz"]["utc"])
            return pd.DatetimeIndex(utc).tz_localize("UTC").tz_convert(
                _text(body["datetimetz"]["tz"]))
        values = _items(body["objects"])
        if not all(v is None or type(v) is str for v in values):  # text needs no decoding
            values = [self.decode(v) for v in values]
        if "dtype" in body:
            dtype = _one_of(body["dtype"], tuple(_EXTENSION_DTYPES))
            return pd.array(values, dtype=dtype)
        array = np.empty(len(values), dtype=object)
        array[:] = values if values else []
        return array


def _decode_raw_array(body: dict[str, Any]) -> np.ndarray:
    try:
        dtype = np.dtype(_text(body["dtype"]))
    except TypeError as exc:
        raise CodecError(f"malformed payload: bad dtype {body.get('dtype')!r}") from exc
    if dtype.kind not in _RAW_KINDS or dtype.fields is not None:
        raise CodecError(f"malformed payload: dtype {dtype} is not allowed")
    shape = tuple(_int(s) for s in _items(body["shape"]))
    raw = base64.b64decode(_text(body["raw"]), validate=True)
    count = int(np.prod(shape)) if shape else 1
    if count * dtype.itemsize != len(raw):
        raise CodecError("malformed payload: array size does not match its shape")
    return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise CodecError("malformed payload: expected text")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise CodecError("malformed payload: expected an integer")
    return value


def _items(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise CodecError("malformed payload: expected a list")
    return value


def _pairs(value: Any) -> list[tuple[Any, Any]]:
    pairs = _items(value)
    if not all(isinstance(p, list) and len(p) == 2 for p in pairs):
        raise CodecError("malformed payload: expected key/value pairs")
    return [(k, v) for k, v in pairs]


def _one_of(value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise CodecError(f"malformed payload: {value!r} is not allowed")
    return value


def loads(text: str | bytes, *, deref: Callable[[Any], Any] | None = None) -> Any:
    """Decode JSON text made by :func:`dumps`, refusing malformed or over-large input.

    Raises
    ------
    CodecError
        If the text is too large, is not JSON, or does not follow the codec's format.
    """
    if len(text) > MAX_PAYLOAD_BYTES:
        raise CodecError("the payload is too large")
    try:
        tree = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise CodecError(f"malformed payload: {exc}") from None
    try:
        return decode(tree, deref=deref)
    except (KeyError, TypeError, ValueError, RecursionError) as exc:
        if isinstance(exc, CodecError):
            raise
        raise CodecError(f"malformed payload: {exc}") from None
