"""The document size limit on the writing side: a writer refuses what the readers would refuse.

Every reader refuses a document over `MAX_DOCUMENT_BYTES`; every
writer (``to_json``, ``to_xml``, ``write``, corpus records and so the command line) checks its
output against the same number, so lawgov never writes a file it cannot read back.
"""

from __future__ import annotations

from lawgov._errors import FormatError
from lawgov._model.limits import MAX_DOCUMENT_BYTES

__all__ = ["refuse_oversized", "refuse_oversized_text"]


def refuse_oversized(size: int, what: str) -> None:
    """Refuse an output of ``size`` bytes beyond the read limit.

    Raises:
        FormatError: ``size`` exceeds `MAX_DOCUMENT_BYTES`.
    """
    if size > MAX_DOCUMENT_BYTES:
        raise FormatError(
            f"cannot write the report as {what}: {size} bytes, more than the "
            f"{MAX_DOCUMENT_BYTES} bytes lawgov reads"
        )


def refuse_oversized_text(text: str, what: str) -> None:
    """Like `refuse_oversized`, for text that will be encoded as UTF-8."""
    # At most 4 bytes a character: a short text needs no encoding to be cleared.
    if len(text) * 4 > MAX_DOCUMENT_BYTES:
        refuse_oversized(len(text.encode("utf-8", "surrogatepass")), what)
