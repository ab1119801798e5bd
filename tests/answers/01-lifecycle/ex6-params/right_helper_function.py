# Right: a helper that tries the special words, then int(), then float(), in that order.
def _decode(text):
    special = {"None": None, "True": True, "False": False}
    if text in special:
        return special[text]
    for convert in (int, float):
        try:
            return convert(text)
        except ValueError:
            pass
    return text


def decode_params(params):
    return {name: _decode(text) for name, text in params.items()}
