# Wrong: every number becomes a float, so max_iter=1000 comes back as 1000.0.
def decode_params(params):
    decoded = {}
    for name, text in params.items():
        if text in ("None", "True", "False"):
            decoded[name] = {"None": None, "True": True, "False": False}[text]
        else:
            try:
                decoded[name] = float(text)
            except ValueError:
                decoded[name] = text
    return decoded
