"""The public surface: ``lawgov.__all__`` matches what the package exports, all of it documented.

Fails when a public name is added without an ``__all__`` entry (or the reverse), when an entry
names nothing, and when a public module, class, function or method has no docstring.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import pkgutil
import types
from collections.abc import Iterator

import pytest

import lawgov
import lawgov._analysis.assess
import lawgov._model.classes


def _defined_in_lawgov(obj: object) -> bool:
    module = getattr(obj, "__module__", None) or ""
    return module == "lawgov" or module.startswith("lawgov.")


def _public_modules() -> Iterator[types.ModuleType]:
    """``lawgov`` and every importable public submodule (no ``_`` in any part of its name).

    Submodules behind an optional extra that is not installed are skipped: importing them is
    the extra's own test.
    """
    yield lawgov
    for info in pkgutil.walk_packages(lawgov.__path__, prefix="lawgov.", onerror=lambda _: None):
        parts = info.name.split(".")[1:]
        if any(part.startswith("_") for part in parts):
            continue
        try:
            yield importlib.import_module(info.name)
        except ImportError:
            continue


def test_all_has_no_duplicates() -> None:
    # Its order (isort-style, constants then classes then functions) is ruff's RUF022.
    assert len(lawgov.__all__) == len(set(lawgov.__all__))


@pytest.mark.parametrize("name", lawgov.__all__)
def test_every_name_in_all_exists_and_is_documented(name: str) -> None:
    assert hasattr(lawgov, name), f"lawgov.__all__ names {name!r}, which does not exist"
    obj = getattr(lawgov, name)
    if isinstance(obj, (type, types.FunctionType)):
        assert inspect.getdoc(obj), f"lawgov.{name} has no docstring"


def test_every_public_class_and_function_is_in_all() -> None:
    exported = set(lawgov.__all__)
    missing = [
        name
        for name, obj in vars(lawgov).items()
        if not name.startswith("_")
        and isinstance(obj, (type, types.FunctionType))
        and _defined_in_lawgov(obj)
        and name not in exported
    ]
    assert missing == [], f"public but not in lawgov.__all__: {missing}"


def test_implementation_modules_are_private() -> None:
    # Every submodule imported by the package itself is either private or a documented
    # public namespace (e.g. lawgov.samples); none leaks under an unprefixed name by accident.
    public_children = [
        name
        for name, obj in vars(lawgov).items()
        # Identifiers only: pytest's assertion rewriting adds names like "@py_builtins".
        if isinstance(obj, types.ModuleType) and name.isidentifier() and not name.startswith("_")
    ]
    for name in public_children:
        module = getattr(lawgov, name)
        assert module.__name__ == f"lawgov.{name}", f"lawgov.{name} re-exports a foreign module"
        assert inspect.getdoc(module), f"public module lawgov.{name} has no docstring"


def test_version_is_exposed() -> None:
    assert isinstance(lawgov.__version__, str)
    assert lawgov.__version__.count(".") >= 2


def _members_without_docstrings(module: types.ModuleType) -> Iterator[str]:
    if not inspect.getdoc(module):
        yield module.__name__
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in vars(module) if not n.startswith("_")]
    for name in names:
        obj = getattr(module, name, None)
        if not (isinstance(obj, (type, types.FunctionType)) and _defined_in_lawgov(obj)):
            continue
        where = f"{module.__name__}.{name}"
        if not inspect.getdoc(obj):
            yield where
        if isinstance(obj, type):
            yield from _methods_without_docstrings(obj, where)


def _methods_without_docstrings(cls: type, where: str) -> Iterator[str]:
    for attr, raw in vars(cls).items():
        if attr.startswith("_"):
            continue
        function = raw.__func__ if isinstance(raw, (classmethod, staticmethod)) else raw
        if isinstance(function, property):
            function = function.fget
        if not isinstance(function, types.FunctionType):
            continue  # enum members, attrs fields and constants
        # inspect.getdoc would inherit a docstring; every method must carry its own.
        if not function.__doc__:
            yield f"{where}.{attr}"


def test_every_public_module_class_function_and_method_has_a_docstring() -> None:
    undocumented = [
        name for module in _public_modules() for name in _members_without_docstrings(module)
    ]
    assert undocumented == []


def test_enum_members_are_documented() -> None:
    # Each member carries a docstring string right after it; mkdocstrings renders them, and
    # Python exposes them nowhere, so the source is the reference.
    for name in lawgov.__all__:
        obj = getattr(lawgov, name)
        if isinstance(obj, type) and issubclass(obj, enum.Enum):
            # Public classes name ``lawgov`` as their module; their source is in the model module.
            source = inspect.getsource(lawgov._model.classes) + inspect.getsource(
                lawgov._analysis.assess
            )
            for member in obj:
                line = f"    {member.name} = "
                assert line in source
                after = source.split(line, 1)[1].split("\n", 2)[1].strip()
                assert after.startswith('"""'), f"{name}.{member.name} has no docstring"


def test_parse_file_is_public_and_importing_lawgov_loads_no_pdf_reader() -> None:
    # parse_file reads PDFs through the pdf extra, loaded when the first PDF is met: importing
    # lawgov must work (and stay fast) without it.
    import subprocess
    import sys

    assert {"parse_file", "parse_file_result"} <= set(lawgov.__all__)
    code = (
        "import sys, lawgov; print('pdfminer' in sys.modules, 'lawgov._parse.pdf' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_the_tables_module_is_public_and_needs_no_extra_to_import() -> None:
    # lawgov.tables is a documented public module; pyarrow and pandas load only when used.
    import subprocess
    import sys

    import lawgov.tables

    assert set(lawgov.tables.__all__) >= {"rows", "write", "to_pandas", "to_arrow", "SCHEMAS"}
    assert all(hasattr(lawgov.tables, name) for name in lawgov.tables.__all__)
    code = (
        "import sys, lawgov, lawgov.tables; print(sorted({'pyarrow', 'pandas'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_the_assessment_api_is_exported() -> None:
    for name in ("assess", "Assessment", "Check", "CheckStatus", "ASSESSMENT_RULES"):
        assert name in lawgov.__all__
    assert callable(lawgov.summarize_assessments)
    assert callable(lawgov.assessment_chart_svg)
