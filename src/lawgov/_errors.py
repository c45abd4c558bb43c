"""The lawgov exception hierarchy.

Every error lawgov raises on bad input is a [`LawgovError`][lawgov.LawgovError]; each also
subclasses the builtin that generic handlers already catch (the test suite ties this drawing to the
classes, and the docs mirror it)::

    LawgovError (Exception)
    ├── ValidationError (ValueError)        a report breaks one or more rules; lists every problem
    ├── FormatError (ValueError)            bytes that are not a lawgov JSON or XML document
    ├── ParseError (ValueError)             raw text that cannot be read as a report
    ├── OutputExistsError (FileExistsError) a destination exists and overwriting was not allowed
    └── SampleNotFoundError (LookupError)   lawgov.samples has no sample of that name
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any, Final

import attrs

__all__ = [
    "MAX_PROBLEMS",
    "FormatError",
    "LawgovError",
    "OutputExistsError",
    "ParseError",
    "Problem",
    "ProblemList",
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


#: A ValidationError keeps the first this many problems and counts the rest (limits).
MAX_PROBLEMS: Final = 1000


class ProblemList(list[Problem]):
    """A list of problems that keeps the first `MAX_PROBLEMS` and counts the rest.

    A document of fifteen million bad values must not become fifteen million problems in memory
    (nor one message of them): the checks and loaders collect into these.

    Attributes:
        omitted: How many problems were left out (at least; lists merged may overlap).
    """

    # A class default, so that making an empty list (once per object checked) costs no more
    # than a plain one. Build one empty and fill it: the constructor itself does not cap.
    omitted: int = 0

    def append(self, problem: Problem) -> None:
        """Keep ``problem`` if there is room, else count it."""
        if len(self) < MAX_PROBLEMS:
            super().append(problem)
        else:
            self.omitted += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        """Append each problem, and add the omissions of another capped list."""
        for problem in problems:
            self.append(problem)
        self.omitted += getattr(problems, "omitted", 0)


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
    object; beyond `MAX_PROBLEMS` the rest are counted, not kept. The message listing them
    is only built when it is asked for (``str(error)``), and names the class that was checked
    along with each path (``Report.sections[0].title: must not be empty``); the problems' paths
    stay relative to it.

    Attributes:
        problems: Each broken rule with its path and message, in document order (the first
            `MAX_PROBLEMS`).
        omitted: How many more problems there were, beyond those kept (at least).
        model: The name of the class the paths start from (``"Report"``), when known.
    """

    problems: tuple[Problem, ...]
    omitted: int
    model: str | None

    def __init__(
        self,
        problems: Iterable[Problem],
        *,
        source: str | None = None,
        omitted: int = 0,
        model: str | None = None,
    ) -> None:
        items = iter(problems)
        self.problems = tuple(itertools.islice(items, MAX_PROBLEMS))
        self.omitted = omitted + getattr(problems, "omitted", 0) + sum(1 for _ in items)
        self.model = model
        count = len(self.problems) + self.omitted
        super().__init__(f"{count} validation problem{'s' if count != 1 else ''}", source=source)

    def __str__(self) -> str:
        count = len(self.problems) + self.omitted
        lines = [f"{count} validation problem{'s' if count != 1 else ''}"]
        if self.problems:
            lines[0] += ":"
        shown = (p.under(self.model) for p in self.problems) if self.model else self.problems
        lines += [f"  {p}" for p in shown]
        if self.omitted:
            lines.append(f"  … and {self.omitted} more")
        text = "\n".join(lines)
        return f"{self.source}: {text}" if self.source else text

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
            [p.under(prefix) for p in self.problems],
            source=self.source,
            omitted=self.omitted,
            model=self.model,
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # An exception pickles as cls(*self.args), which would rebuild this one from its message
        # string (one "problem" per character); rebuild it from the problems instead, so that it
        # survives multiprocessing and dask workers intact.
        return (type(self), (self.problems,), self.__dict__)


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
