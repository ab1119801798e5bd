# Wrong: turns every whole number into an int, so the float 100.0 (written '100.0')
# comes back as the int 100.
# Fails with: did not come back as a float
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
        decoded[name] = int(number) if number.is_integer() else number
    return decoded
