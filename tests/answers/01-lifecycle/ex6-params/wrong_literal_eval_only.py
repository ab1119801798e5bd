# Wrong: ast.literal_eval with a fallback to the string. Right for most values, but 'inf',
# '-inf' and 'nan' are not Python literals, so those floats stay strings.
# Fails with: did not come back as a float
import ast


def decode_params(params):
    decoded = {}
    for name, text in params.items():
        try:
            decoded[name] = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            decoded[name] = text
    return decoded
