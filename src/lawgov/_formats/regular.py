"""Opening input files: regular files only, and never blocking on the way in.

A FIFO blocks ``open()`` until a writer comes and ``read()`` until it writes; a device such as
``/dev/zero`` never ends. lawgov reads documents, corpora and texts only from regular files
(symbolic links to them included): the file is opened without blocking, checked with
``fstat`` (so the check and the read concern the same file), and refused otherwise.
"""

from __future__ import annotations

import os
import stat
from typing import IO

from lawgov._errors import FormatError

__all__ = ["NOT_REGULAR", "is_regular", "open_regular"]

#: The message a refused input carries.
NOT_REGULAR = "not a regular file (a FIFO, device, socket or directory); lawgov reads only files"

# O_NONBLOCK keeps open() from waiting for a FIFO's writer; it does not exist on Windows, where
# FIFOs do not either.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def open_regular(path: str | os.PathLike[str]) -> IO[bytes]:
    """Open a regular file for reading in binary mode.

    Raises:
        FormatError: ``path`` is a FIFO, a device, a socket or a directory (``source`` is the
            path).
        OSError: The file cannot be opened.
    """
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise FormatError(NOT_REGULAR, source=os.fsdecode(path))
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def is_regular(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a regular file (following links), without opening it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
