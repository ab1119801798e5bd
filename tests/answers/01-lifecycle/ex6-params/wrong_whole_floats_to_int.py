# Wrong: tries int() first, then float(), but turns every whole float into an int too, so
# the float 100.0 (written '100.0') comes back as the int 100.
# Fails with: did not come back as a float
def decode_params(params):
    decoded = {}
    for name, text in params.items():
        if text in ("None", "True", "False"):
            decoded[name] = {"None": None, "True": True, "False": False}[text]
            continue
        try:
            decoded[name] = int(text)
            continue
        except ValueError:
            pass
        try:
            number = float(text)
        except ValueError:
            decoded[name] = text
            continue
        decoded[name] = int(number) if number.is_integer() else number
    return decoded
