"""Entry point of ``python -m coursebuild``."""

import sys

from coursebuild.cli import main

if __name__ == "__main__":
    sys.exit(main())
