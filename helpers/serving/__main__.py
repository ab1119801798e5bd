"""``python -m helpers.serving``: see :mod:`helpers.serving.cli`."""

import sys

from helpers.serving.cli import main

if __name__ == "__main__":
    sys.exit(main())
