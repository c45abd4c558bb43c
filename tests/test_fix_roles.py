"""tools/fix_roles.py: Sphinx roles in docstrings become mkdocstrings cross-references."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fix_roles", ROOT / "tools" / "fix_roles.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fix_roles"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("home", "role", "markdown"),
    [
        ("lawgov", ":class:`~lawgov.Report`", "[`Report`][lawgov.Report]"),
        ("lawgov", ":func:`lawgov.to_dict`", "[`lawgov.to_dict`][lawgov.to_dict]"),
        ("lawgov", ":func:`to_dict`", "[`to_dict`][lawgov.to_dict]"),
        ("lawgov.samples", ":func:`load`", "[`load`][lawgov.samples.load]"),
        ("lawgov.testing", ":func:`reports`", "[`reports`][lawgov.testing.reports]"),
        ("lawgov", ":mod:`lawgov.testing`", "[`lawgov.testing`][lawgov.testing]"),
        ("lawgov", ":data:`lawgov.RULES`", "[`lawgov.RULES`][lawgov.RULES]"),
        ("lawgov", ":attr:`base_unit`", "`base_unit`"),
        ("lawgov", ":func:`lawgov._formats.atomic.atomic_open`", "`atomic_open`"),
        ("lawgov", ":mod:`lawgov._parse.clean`", "`clean`"),
        ("lawgov", ":mod:`importlib.resources`", "`importlib.resources`"),
        ("lawgov", ":exc:`lawgov.Report.nosuch`", "`lawgov.Report.nosuch`"),
        ("lawgov", ":meth:`the parser <lawgov.parse_text>`", "[`the parser`][lawgov.parse_text]"),
    ],
)
def test_roles_become_references_or_code(
    tool: ModuleType, home: str, role: str, markdown: str
) -> None:
    source = f'def f() -> None:\n    """See {role}."""\n'
    fixed = tool.fix_source(source, home, tool.public_names())
    assert fixed == f'def f() -> None:\n    """See {markdown}."""\n'


def test_only_docstrings_change(tool: ModuleType) -> None:
    source = 'x = ":func:`to_dict`"  # :func:`to_dict`\n"""Use :func:`to_dict`."""\n'
    fixed = tool.fix_source(source, "lawgov", tool.public_names())
    code = 'x = ":func:`to_dict`"  # :func:`to_dict`\n'
    assert fixed == code + '"""Use [`to_dict`][lawgov.to_dict]."""\n'


def test_lengthened_lines_are_refilled_inside_the_docstring(tool: ModuleType) -> None:
    words = "word " * 16
    source = (
        "def f() -> None:\n"
        f'    """{words}:class:`~lawgov.Report` and :func:`lawgov.from_dict`."""\n'
        "    return None\n"
    )
    fixed = tool.fix_source(source, "lawgov", tool.public_names())
    lines = fixed.splitlines()
    assert all(len(line) <= 100 for line in lines)
    assert lines[-1] == "    return None"
    assert " ".join(line.strip() for line in lines[1:-1]) == (
        f'"""{words}[`Report`][lawgov.Report] and [`lawgov.from_dict`][lawgov.from_dict]."""'
    )


def test_files_this_branch_owns_hold_no_roles(tool: ModuleType) -> None:
    owned = [*(ROOT / "src/lawgov/testing").glob("*.py")]
    owned += [ROOT / "src/lawgov/cli" / f"{name}.py" for name in ("_commands", "_show", "_metrics")]
    assert tool.main(["--check", *map(str, owned)]) == 0
