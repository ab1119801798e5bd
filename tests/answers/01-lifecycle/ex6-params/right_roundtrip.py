# Right: a value is accepted only if writing it back with str() gives the same text, trying
# None and the booleans, then int, then float.
import math


def decode_params(params):
    decoded = {}
    for name, text in params.items():
        value = text
        for candidate in (None, True, False):
            if str(candidate) == text:
                value = candidate
                break
        else:
            for convert in (int, float):
                try:
                    number = convert(text)
                except ValueError:
                    continue
                if str(number) == text or (isinstance(number, float) and math.isnan(number)):
                    value = number
                    break
        decoded[name] = value
    return decoded
