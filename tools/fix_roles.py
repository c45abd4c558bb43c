"""Rewrite Sphinx roles in docstrings into mkdocstrings cross-references.

The docs are built by mkdocstrings, which renders Markdown: a Sphinx role such as
``:class:`~lawgov.Report``` reaches the reader as the raw text ``:class:~lawgov.Report``. This
script rewrites every role inside the docstrings of the given Python files (default: every file
under ``src/``):

- a public name (in ``__all__`` of ``lawgov``, ``lawgov.samples`` or ``lawgov.testing``, or one of
  those modules) becomes a cross-reference, ``[`Report`][lawgov.Report]``; a bare name is looked up
  in the file's own public module first (``:func:`load``` in ``lawgov/samples`` is
  ``lawgov.samples.load``), then in ``lawgov``;
- anything else (a private module, a member, the standard library) becomes plain code showing
  what the reader can use: the last component of a private target (``atomic_open``), the name as
  written otherwise (``importlib.resources``).

The public names are read from the ``__all__`` lists in the source (nothing is imported), and
only docstrings change (strings that stand alone as statements), never code or comments.

Usage::

    python tools/fix_roles.py                 # every src/**/*.py, in place
    python tools/fix_roles.py --check         # exit 1 if any file would change
    python tools/fix_roles.py src/lawgov/testing/*.py
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "lawgov"

#: The public modules and the files that define their ``__all__``.
PUBLIC_MODULES = {
    "lawgov": PACKAGE / "__init__.py",
    "lawgov.samples": PACKAGE / "samples" / "__init__.py",
    "lawgov.testing": PACKAGE / "testing" / "__init__.py",
}

#: A Sphinx role with its target: ``:func:`name```, ``:py:class:`~a.B```, ``:meth:`title <a.b>```.
ROLE = re.compile(
    r":(?:py:)?(?P<role>class|func|meth|attr|mod|data|exc|obj|const):"
    r"`(?P<tilde>~?)(?P<body>[^`]+)`"
)


#: The line length ruff enforces (pyproject.toml); rewritten lines are split to fit it.
LINE_LENGTH = 100

#: A Google-style ``name: description`` entry (Args, Raises, Attributes …).
ARGUMENT = re.compile(r"\s*[\w*.]+(?: \([^)]*\))?: ")

#: A line that starts a block of its own: a list item, a section title, code or a doctest.
BLOCK_START = re.compile(r"(?:[-*+] |\d+\. |[A-Z]\w*( \w+)?:$|```|>>>|\.\. )")


def public_names() -> dict[str, frozenset[str]]:
    """Each public module's ``__all__``, read statically from its source."""
    names: dict[str, frozenset[str]] = {}
    for module, path in PUBLIC_MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found: list[str] = []
        for node in tree.body:
            if (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
                and isinstance(node.value, ast.List | ast.Tuple)
            ):
                found = [
                    e.value
                    for e in node.value.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                ]
        names[module] = frozenset(found)
    return names


def home_module(path: Path) -> str:
    """The public module whose names a bare role target in ``path`` refers to first."""
    parts = path.resolve().parts
    for module in ("samples", "testing"):
        if "lawgov" in parts and module in parts[parts.index("lawgov") :]:
            return f"lawgov.{module}"
    return "lawgov"


def resolve(target: str, home: str, names: dict[str, frozenset[str]]) -> str | None:
    """The public, documented dotted name a role target means, or None if it has none."""
    if target in names and target != "lawgov":
        return target  # a public subpackage, documented on the API page
    module, _, name = target.rpartition(".")
    if module in names:
        return target if name in names[module] else None
    if not module:
        for candidate in (home, "lawgov"):
            if target in names[candidate]:
                return f"{candidate}.{target}"
    return None


def rewrite_role(match: re.Match[str], home: str, names: dict[str, frozenset[str]]) -> str:
    """The Markdown for one role."""
    body = match["body"].strip()
    explicit = re.fullmatch(r"(?P<title>.+?)\s*<(?P<target>[^<>]+)>", body)
    target = explicit["target"] if explicit else body
    target = target.strip().removesuffix("()")
    short = target.rpartition(".")[2]
    if explicit:
        shown = explicit["title"]
    elif match["tilde"]:
        shown = short
    else:
        shown = target
    full = resolve(target, home, names)
    if full is not None:
        return f"[`{shown}`][{full}]"
    private = any(part.startswith("_") and part != "__init__" for part in target.split("."))
    return f"`{short if private else shown}`"


def docstring_spans(source: str) -> list[tuple[int, int]]:
    """Start and end offsets of every string that stands alone as a statement."""
    tree = ast.parse(source)
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:
        # ast columns count UTF-8 bytes.
        text = source[starts[line - 1] : starts[line]] if line < len(starts) else ""
        return starts[line - 1] + len(text.encode("utf-8")[:column].decode("utf-8"))

    spans = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            and node.end_lineno is not None
            and node.end_col_offset is not None
        ):
            spans.append(
                (
                    offset(node.lineno, node.col_offset),
                    offset(node.end_lineno, node.end_col_offset),
                )
            )
    return sorted(spans)


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _continuation_indent(line: str, following: str | None) -> str:
    if ARGUMENT.match(line):
        return _indent(line) + "    "  # a Google-style entry continues one level deeper
    if following is not None and following.strip() and len(_indent(following)) > len(_indent(line)):
        return _indent(following)
    return _indent(line)


def _joins(following: str | None, indent: str) -> bool:
    """Whether ``following`` continues the paragraph the split text goes into."""
    if following is None or not following.strip() or _indent(following) != indent:
        return False
    head = following.strip()
    return not (ARGUMENT.match(following) or BLOCK_START.match(head) or head.startswith('"""'))


def rewrap(original: str, fixed: str) -> str:
    """``fixed`` with its changed lines refilled to fit [LINE_LENGTH] again.

    Only lines the rewrite lengthened past the limit are split, at the last space that fits; the
    rest is joined to the paragraph's next line (when there is one) and that line is refilled in
    turn, so the paragraph keeps its shape.
    """
    if original == fixed:
        return fixed
    old = set(original.splitlines())
    lines = fixed.splitlines()
    out: list[str] = []
    index = 0
    while index < len(lines):
        body = lines[index]
        cut = body.rfind(" ", 0, LINE_LENGTH + 1)
        if body in old or len(body) <= LINE_LENGTH or cut <= len(_indent(body)):
            out.append(body)
            index += 1
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        indent = _continuation_indent(body, following)
        rest = body[cut + 1 :]
        out.append(body[:cut])
        if _joins(following, indent):
            assert following is not None
            lines[index + 1] = f"{indent}{rest} {following.strip()}"
            index += 1
        else:
            lines[index] = indent + rest
    return "\n".join(out) + ("\n" if fixed.endswith("\n") else "")


def fix_source(source: str, home: str, names: dict[str, frozenset[str]]) -> str:
    """``source`` with every role in its docstrings rewritten."""
    pieces = []
    done = 0
    for opening, end in docstring_spans(source):
        # From the start of the docstring's first line, so refilled lines keep their indentation;
        # refilling stays inside the docstring, never joining code after it.
        start = source.rfind("\n", 0, opening) + 1
        pieces.append(source[done:start])
        original = source[start:end]
        fixed = ROLE.sub(lambda m: rewrite_role(m, home, names), original)
        pieces.append(rewrap(original, fixed))
        done = end
    pieces.append(source[done:])
    return "".join(pieces)


def main(argv: list[str] | None = None) -> int:
    """Rewrite (or with ``--check`` only list) the files whose docstrings hold roles."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="default: every src/**/*.py")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if needed")
    args = parser.parse_args(argv)
    files = args.files or sorted((ROOT / "src").rglob("*.py"))
    names = public_names()
    changed = 0
    for path in files:
        source = path.read_text(encoding="utf-8")
        fixed = fix_source(source, home_module(path), names)
        if fixed == source:
            continue
        changed += 1
        print(f"{'would fix' if args.check else 'fixed'} {path}")
        if not args.check:
            path.write_text(fixed, encoding="utf-8")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
