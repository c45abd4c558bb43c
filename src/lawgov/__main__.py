"""``python -m lawgov``: the same command line as the ``lawgov`` console script."""

from __future__ import annotations

from lawgov.cli import main

if __name__ == "__main__":
    main()
