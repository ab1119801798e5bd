# Wrong: uses str.isdigit() to spot ints, which is False for negative numbers ('-7'),
# so they come back as floats.
# Fails with: did not come back as the same int
def decode_params(params):
    decoded = {}
    for name, text in params.items():
        if text in ("None", "True", "False"):
            decoded[name] = {"None": None, "True": True, "False": False}[text]
        elif text.isdigit():
            decoded[name] = int(text)
        else:
            try:
                decoded[name] = float(text)
            except ValueError:
                decoded[name] = text
    return decoded
