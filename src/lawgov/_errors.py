"""The lawgov exception hierarchy.

Every error lawgov raises on bad input is a :class:`LawgovError`; each also subclasses the
builtin that generic handlers already catch (the test suite ties this drawing to the classes, and
the docs mirror it)::

    LawgovError (Exception)
    ├── ValidationError (ValueError)        a report breaks one or more rules; lists every problem
    ├── FormatError (ValueError)            bytes that are not a lawgov JSON or XML document
    ├── ParseError (ValueError)             raw text that cannot be read as a report
    ├── OutputExistsError (FileExistsError) a destination exists and overwriting was not allowed
    └── SampleNotFoundError (LookupError)   lawgov.samples has no sample of that name
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

__all__ = [
    "FormatError",
    "LawgovError",
    "OutputExistsError",
    "ParseError",
    "Problem",
    "SampleNotFoundError",
    "ValidationError",
]


@attrs.frozen(kw_only=True)
class Problem:
    """One broken rule, located by its path inside the report.

    Attributes:
        path: Where the bad value sits, e.g. ``sections[2].measures[0].metrics[1].value``;
            empty for the report as a whole.
        message: What is wrong, in words a person understands.
        rule: The name of the broken rule (see the validation docs), e.g. ``"numbering"``.
    """

    path: str
    message: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def under(self, prefix: str) -> Problem:
        """Return this problem re-rooted below ``prefix`` (``"sections[0]"`` + ``"title"``)."""
        if not prefix:
            return self
        if not self.path:
            return attrs.evolve(self, path=prefix)
        sep = "" if self.path.startswith("[") else "."
        return attrs.evolve(self, path=f"{prefix}{sep}{self.path}")


class LawgovError(Exception):
    """Base class of every error lawgov raises on bad input.

    Attributes:
        source: The file (or other origin) the bad input came from, when known.
    """

    source: str | None

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source

    def __str__(self) -> str:
        text = super().__str__()
        return f"{self.source}: {text}" if self.source else text


class ValidationError(LawgovError, ValueError):
    """A report (or part of one) breaks validation rules.

    Raised with *every* problem found, never just the first, and never after building part of an
    object. The message names the class that was checked along with each path
    (``Report.sections[0].title: must not be empty``); the problems' paths stay relative to it.

    Attributes:
        problems: Each broken rule with its path and message, in document order.
        model: The name of the class the paths start from (``"Report"``), when known.
    """

    problems: tuple[Problem, ...]
    model: str | None

    def __init__(
        self,
        problems: Iterable[Problem],
        *,
        source: str | None = None,
        model: str | None = None,
    ) -> None:
        self.problems = tuple(problems)
        self.model = model
        count = len(self.problems)
        head = f"{count} validation problem{'s' if count != 1 else ''}"
        shown = (p.under(model) for p in self.problems) if model else self.problems
        lines = "\n".join(f"  {p}" for p in shown)
        super().__init__(f"{head}:\n{lines}" if lines else head, source=source)

    @property
    def path(self) -> str:
        """The path of the first problem (convenient when there is only one)."""
        return self.problems[0].path if self.problems else ""

    @property
    def message(self) -> str:
        """The message of the first problem (convenient when there is only one)."""
        return self.problems[0].message if self.problems else ""

    def under(self, prefix: str) -> ValidationError:
        """Return the same error with every path re-rooted below ``prefix``."""
        return ValidationError(
            (p.under(prefix) for p in self.problems), source=self.source, model=self.model
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # An exception pickles as cls(*self.args), which would rebuild this one from its message
        # string (one "problem" per character); rebuild it from the problems instead, so that it
        # survives multiprocessing and dask workers intact.
        return (_rebuilt, (type(self), self.problems, self.model), self.__dict__)


def _rebuilt(cls: type[ValidationError], problems: Any, model: str | None) -> ValidationError:
    # Unpickling: the message is rendered again with the class name it was raised with.
    return cls(problems, model=model)


class FormatError(LawgovError, ValueError):
    """Input that is not a well-formed lawgov JSON or XML document.

    Covers syntax errors, wrong roots, wrong encodings, refused constructs (DTDs, entities,
    duplicate JSON keys, NaN) and inputs beyond the size and depth limits.
    """


class ParseError(LawgovError, ValueError):
    """Raw report text that cannot be turned into a report.

    Attributes:
        line: The 1-based line where reading failed, when known.
    """

    line: int | None

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        super().__init__(f"line {line}: {message}" if line else message, source=source)
        self.line = line


class OutputExistsError(LawgovError, FileExistsError):
    """The destination exists and overwriting it was not allowed (pass ``force=True``).

    It is a `FileExistsError` too, so generic handlers keep working.
    """


class SampleNotFoundError(LawgovError, LookupError):
    """No bundled sample has the requested name (or kind of file).

    Also a `LookupError`, like an unknown key in a mapping; the message lists the names
    that do exist.
    """
