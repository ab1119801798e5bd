# Wrong: searches the text with a regular expression instead of parsing the code.
# Fails with: comments, strings and docstrings that mention sys.path change nothing
import re

_HACK = re.compile(r"sys\.path\.(append|insert|extend)\(|sys\.path\s*(\[.*\])?\s*\+?=[^=]")


def find_path_hacks(source):
    return [number for number, line in enumerate(source.splitlines(), start=1)
            if _HACK.search(line)]
