"""The frozen app's entry point: the same `main` as the `study-reader` command."""

import sys

from reader.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
