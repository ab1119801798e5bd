# Right: json.loads reads ints and floats with their types; the Python-only spellings
# (None, True, False, inf, nan) are handled first, and anything JSON rejects stays text.
import json


def decode_params(params):
    python_only = {"None": None, "True": True, "False": False, "inf": float("inf"),
                   "-inf": float("-inf"), "nan": float("nan")}
    decoded = {}
    for name, text in params.items():
        if text in python_only:
            decoded[name] = python_only[text]
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            value = text
        decoded[name] = value if isinstance(value, int | float) else text
    return decoded
