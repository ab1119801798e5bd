# Wrong: parses every number with float() and turns it into an int when the text has no
# '.', 'e', 'inf' or 'nan'. Right for small ints, but an int above 2**53 loses its last
# digits on the way through a float.
# Fails with: did not come back as the same int
def decode_params(params):
    decoded = {}
    for name, text in params.items():
        if text in ("None", "True", "False"):
            decoded[name] = {"None": None, "True": True, "False": False}[text]
            continue
        try:
            number = float(text)
        except ValueError:
            decoded[name] = text
            continue
        if any(mark in text for mark in (".", "e", "inf", "nan")):
            decoded[name] = number
        else:
            decoded[name] = int(number)
    return decoded
