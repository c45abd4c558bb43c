"""``python -m lawgov`` and the ``lawgov`` console script.

The command line lives behind the ``cli`` extra (click); without it, this entry point says how to
install it instead of failing with a traceback, and the library stays importable either way.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Run the ``lawgov`` command line, or explain how to install it."""
    try:
        from lawgov.cli import main as run  # noqa: PLC0415 -- click is an optional extra
    except ModuleNotFoundError as error:
        if error.name != "click":
            raise
        sys.exit("the lawgov command line needs its extra: pip install 'lawgov[cli]'")
    run()


if __name__ == "__main__":
    main()
