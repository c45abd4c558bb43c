"""The ``lawgov`` command line: parse, convert, validate, show and mine reports and corpora.

Needs the ``cli`` extra (``pip install 'lawgov[cli]'``, which brings click and the parser). The
library never imports this package. ``_app`` holds the click group and shared options, ``_files``
file kinds and I/O, ``_inputs`` input expansion, ``_batch`` the process-pool engine, and
``_tasks`` one file's work, ``_rows`` the metric rows, and ``_commands``, ``_show``,
``_metrics``, ``_schema``, ``_table`` and ``_assess`` the commands.

Conventions every command follows (docs/cli.md has the user's view):

- Data goes to stdout, diagnostics to stderr as ``FILE: path: message`` lines.
- Exit status 0 when everything succeeded, 1 when any input failed (invalid, unreadable, output
  exists), 2 for usage errors (click's own), 130 when interrupted.
- Outputs are written atomically (``lawgov._formats.atomic``) and never overwrite without
  ``--force``; a destination that is also an input is refused even with ``--force``.
- Batches (directories, globs, several inputs) mirror the input tree into the output directory,
  run on ``-j`` worker processes, draw a progress bar only when stderr is a terminal, continue
  past bad files and end with a summary line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import NoReturn

import click

# The commands register themselves on the group when imported.
from lawgov.cli import _assess, _commands, _metrics, _schema, _show, _table  # noqa: F401
from lawgov.cli._app import cli
from lawgov.cli._files import EXIT_INTERRUPTED

__all__ = ["cli", "main"]

# --------------------------------------------------------------------------------------------
# Entry point


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the ``lawgov`` command line (the console script and ``python -m lawgov``).

    Args:
        argv: The arguments, without the program name (default: ``sys.argv[1:]``).
    """
    try:
        status = cli.main(args=argv, prog_name="lawgov", standalone_mode=False)
    except click.exceptions.Abort:
        # Ctrl-C outside a batch: whatever was being written was discarded by atomic_open.
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except BrokenPipeError:
        # `lawgov show big.json | head`: the reader left; stop quietly like other tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    sys.exit(status if isinstance(status, int) else 0)
