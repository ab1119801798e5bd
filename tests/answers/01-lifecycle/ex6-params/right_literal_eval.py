# Right: ast.literal_eval reads Python literals; inf and nan are not literals, so they
# are handled first, and anything that is not a number, bool or None stays text.
import ast


def decode_params(params):
    decoded = {}
    for name, text in params.items():
        if text in ("inf", "-inf", "nan"):
            decoded[name] = float(text)
            continue
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            value = text
        if not (value is None or isinstance(value, bool | int | float)):
            value = text
        decoded[name] = value
    return decoded
