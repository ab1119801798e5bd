# Wrong: converts the values in place and returns the caller's dict.
# Fails with: changed its argument `params`
def decode_params(params):
    for name, text in params.items():
        if text == "None":
            params[name] = None
        elif text in ("True", "False"):
            params[name] = text == "True"
        else:
            try:
                params[name] = int(text)
            except ValueError:
                try:
                    params[name] = float(text)
                except ValueError:
                    pass
    return params
