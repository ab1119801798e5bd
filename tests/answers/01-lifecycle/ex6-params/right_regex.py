# Right: regular expressions decide what looks like an int or a float.
import re

INT = re.compile(r"-?\d+")
FLOAT = re.compile(r"-?(\d+\.\d*(e[+-]?\d+)?|\d+e[+-]?\d+|inf|nan)")


def decode_params(params):
    decoded = {}
    for name, text in params.items():
        if text in ("None", "True", "False"):
            decoded[name] = {"None": None, "True": True, "False": False}[text]
        elif INT.fullmatch(text):
            decoded[name] = int(text)
        elif FLOAT.fullmatch(text):
            decoded[name] = float(text)
        else:
            decoded[name] = text
    return decoded
