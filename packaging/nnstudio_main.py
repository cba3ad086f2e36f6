"""The bundle's entry point: the same `main` as the installed `nnstudio` command."""

import sys

from nnstudio.cli import main

if __name__ == "__main__":
    sys.exit(main())
