# Wrong: bool("False") is True (any non-empty string is truthy).
def decode_params(params):
    decoded = {}
    for name, text in params.items():
        if text == "None":
            decoded[name] = None
        elif text in ("True", "False"):
            decoded[name] = bool(text)
        else:
            try:
                decoded[name] = int(text)
            except ValueError:
                try:
                    decoded[name] = float(text)
                except ValueError:
                    decoded[name] = text
    return decoded
