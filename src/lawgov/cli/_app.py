"""The click application: the ``lawgov`` group and the options its commands share."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Sequence
from pathlib import Path

import click

import lawgov
from lawgov.cli._files import _text_codec
from lawgov.cli._inputs import _is_glob

# --------------------------------------------------------------------------------------------
# The click application

_JOBS_HELP = (
    "Worker processes for directories and globs (default: the CPUs available to this process; "
    "1 runs in-process)."
)

_to_option = click.option(
    "--to",
    "to",
    type=click.Choice(["json", "xml"]),
    default=None,
    help="Output format (default: from the output's suffix, else the other format / JSON).",
)
_force_option = click.option(
    "-f", "--force", is_flag=True, help="Overwrite existing outputs (never an input)."
)
_jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, help=_JOBS_HELP
)
_quiet_option = click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar and no summary line."
)


_encoding_option = click.option(
    "--encoding",
    default=None,
    metavar="CODEC",
    callback=_text_codec,
    help="Encoding of text inputs (default: detect UTF-8, UTF-16 or GB18030/GBK).",
)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="""\b
Examples:
  lawgov parse report.txt -o report.json
  lawgov convert reports/ xml-out/ --to xml -j 2
  lawgov validate 'corpus/**/*.json'
  lawgov show report.xml
  lawgov metrics corpus/ -o metrics.csv

Exit status: 0 success, 1 some input failed, 2 usage error, 130 interrupted.
Shell completion (bash): eval "$(_LAWGOV_COMPLETE=bash_source lawgov)"
""",
)
@click.version_option(lawgov.__version__, "-V", "--version", prog_name="lawgov")
def cli() -> None:
    """Parse, convert, validate and inspect 法治政府建设年度报告 and whole corpora of them."""
    _sigterm_interrupts()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _sigterm_interrupts() -> None:
    # `kill PID` and CI timeouts send SIGTERM: every command then cleans up as on Ctrl-C (the
    # atomic writers remove their temporary files). Only the main thread may set handlers.
    with contextlib.suppress(ValueError):
        if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
            signal.signal(signal.SIGTERM, _interrupt)


def _batch_requested(inputs: Sequence[str], output: str | None) -> bool:
    if len(inputs) != 1:
        return True
    only = inputs[0]
    if only != "-" and (Path(only).is_dir() or (_is_glob(only) and not Path(only).exists())):
        return True
    return output is not None and output != "-" and (Path(output).is_dir() or output.endswith("/"))


def _output_directory(output: str | None) -> Path:
    if output is None or output == "-":
        raise click.UsageError(
            "several inputs need an output directory (convert: OUT, parse: -o DIR)"
        )
    directory = Path(output)
    if directory.exists() and not directory.is_dir():
        raise click.UsageError(f"{output}: not a directory (several inputs write a tree)")
    directory.mkdir(parents=True, exist_ok=True)
    return directory
