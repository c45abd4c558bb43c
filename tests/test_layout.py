"""The package's shape: layers that import only downwards, no cycles, public names that say
``lawgov``, a cheap ``import lawgov``, the error tree as drawn, and 0.1.0 pickles still loading.
"""

from __future__ import annotations

import ast
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

import lawgov

SRC = Path(lawgov.__file__).parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Each private layer may import only from the layers before it.
LAYERS = ("lawgov._errors", "lawgov._model", "lawgov._formats", "lawgov._parse", "lawgov._analysis")


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The lawgov modules a file imports, wherever in the file (TYPE_CHECKING blocks aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(child) for child in ast.walk(node))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("lawgov"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if not node.module.startswith("lawgov"):
                continue
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                is_module = (SRC.parent / candidate.replace(".", "/")).with_suffix(".py").is_file()
                is_package = (SRC.parent / candidate.replace(".", "/") / "__init__.py").is_file()
                found.add(candidate if is_module or is_package else node.module)
    return found


def _graph() -> dict[str, set[str]]:
    return {_module_name(path): _imports(path) for path in sorted(SRC.rglob("*.py"))}


def _layer(module: str) -> int | None:
    for index, prefix in enumerate(LAYERS):
        if module == prefix or module.startswith(prefix + "."):
            return index
    return None


def test_no_import_cycle_anywhere_in_the_package() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            # A package's own __init__ re-exporting its submodules is not a cycle.
            if module.startswith(target + ".") or target not in graph:
                continue
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in graph:
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_private_layers_import_only_downwards() -> None:
    upward = [
        f"{module} -> {target}"
        for module, targets in _graph().items()
        for target in targets
        if (low := _layer(module)) is not None
        and ((high := _layer(target)) is None or high > low)
        and target != "lawgov._version"
    ]
    assert upward == []


def test_the_layers_exist_as_folders() -> None:
    for layer in LAYERS[1:]:
        folder = SRC / layer.removeprefix("lawgov.")
        assert (folder / "__init__.py").is_file(), layer
        assert (folder / "__init__.py").read_text(encoding="utf-8").startswith('"""')


@pytest.mark.parametrize("name", lawgov.__all__)
def test_public_classes_and_functions_name_the_package(name: str) -> None:
    value = getattr(lawgov, name)
    if isinstance(value, type) or callable(value):
        assert value.__module__ == "lawgov", f"lawgov.{name}.__module__ is {value.__module__!r}"


def test_a_report_pickles_under_its_public_name() -> None:
    report = lawgov.samples.load("jianghai-kjj-2020")
    data = pickle.dumps(report)
    assert b"lawgov._model" not in data
    assert pickle.loads(data) == report


def test_pickles_made_by_lawgov_0_1_0_still_load() -> None:
    data = (FIXTURES / "pickles" / "jianghai-kjj-2020.lawgov-0.1.0.pickle").read_bytes()
    assert b"lawgov._model" in data  # the old private name, as 0.1.0 wrote it
    # The sample has since gained metric names (what is counted); nothing else differs.
    differences = lawgov.diff(pickle.loads(data), lawgov.samples.load("jianghai-kjj-2020"))
    assert [d.path.rsplit(".", 1)[1] for d in differences] == ["name"] * 5
    assert all(d.left is None for d in differences)


def test_import_lawgov_does_not_load_the_parser() -> None:
    code = (
        "import sys, lawgov\n"
        "lawgov.from_json, lawgov.to_xml, lawgov.Report, lawgov.samples.load\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('lawgov._parse', 'pypinyin', "
        "'opencc', 'click', 'hypothesis', 'lawgov.cli')))\n"
        "print(loaded)\n"
        "lawgov.parse_text\n"
        "print('lawgov._parse.pipeline' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.splitlines() == ["[]", "True"]


def _drawn_tree() -> list[tuple[int, str, str]]:
    """(depth, class name, builtin base) for each line of the drawing in ``_errors``."""
    from lawgov import _errors

    drawing = (_errors.__doc__ or "").split("::\n\n", 1)[1]
    rows = []
    for line in drawing.splitlines():
        match = re.match(r"^(?P<lead>[ │├└─]*)(?P<name>\w+) \((?P<base>\w+)\)", line.strip("\n"))
        if match:
            rows.append((len(match["lead"]) - 4, match["name"], match["base"]))
    return rows


def test_the_error_tree_drawing_matches_the_classes() -> None:
    import builtins

    rows = _drawn_tree()
    assert rows[0][1] == "LawgovError"
    drawn = {name for _, name, _ in rows}
    for _, name, base in rows:
        cls = getattr(lawgov, name)
        assert issubclass(cls, getattr(builtins, base)), f"{name} is not a {base}"
        if name != "LawgovError":
            assert cls.__bases__[0] is lawgov.LawgovError, name
    exported = {
        name
        for name in lawgov.__all__
        if isinstance(getattr(lawgov, name), type)
        and issubclass(getattr(lawgov, name), lawgov.LawgovError)
    }
    assert exported == drawn


def test_the_format_namespaces_are_the_top_level_functions() -> None:
    report = lawgov.samples.load("jianghai-kjj-2020")
    assert lawgov.json.encode is lawgov.to_json
    assert lawgov.json.decode(lawgov.json.encode(report)) == report
    assert lawgov.json.schema() == lawgov.json_schema()
    assert lawgov.xml.decode(lawgov.xml.encode(report)) == report
    assert lawgov.xml.schema() == lawgov.xml_schema()


def test_generated_code_has_source_for_tracebacks_and_inspect() -> None:
    import inspect
    import traceback

    from lawgov._formats import convert

    reader = convert._STRUCTURE["Report"]
    assert inspect.getsource(reader).startswith("def s_Report(")
    try:
        reader(None, 0)
    except Exception as error:
        text = "".join(traceback.format_exception(error))
    else:  # pragma: no cover - the reader must refuse a non-dict
        pytest.fail("the generated reader accepted None")
    assert "lawgov generated lawgov._formats.convert" in text
    assert "if type(d) is not dict" in text


def _drawn_modules() -> set[str]:
    # The module tree of docs/architecture.md as paths below src/lawgov ("_formats/json.py").
    text = (Path(__file__).resolve().parents[1] / "docs" / "architecture.md").read_text("utf-8")
    block = text.split("```text\nsrc/lawgov/\n", 1)[1].split("```", 1)[0]
    folders: list[str] = []
    drawn = set()
    for line in block.splitlines():
        lead, _, rest = line.partition("── ")
        depth = len(lead) // 4
        match = re.match(r"[\w.]+/?(?:, [\w.]+)*", rest)
        assert match is not None, line
        names = match[0]
        del folders[depth:]
        if names.endswith("/"):
            folders.append(names)
            continue
        for name in names.split(", "):
            drawn.add("".join(folders) + name)
    return drawn


def test_the_architecture_tree_draws_every_module() -> None:
    modules = {
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if path.name != "__init__.py" or path.parent in (SRC, SRC / "cli", SRC / "testing")
    }
    # A package's __init__ is drawn as its folder (the top, cli and testing ones also by name).
    modules -= {"testing/__init__.py", "samples/__init__.py"}
    drawn = _drawn_modules()
    assert modules - drawn == set()
    assert drawn - modules == set()


# The private modules the command line still uses, each for a mechanism the library has no public
# contract for yet. Everything else it needs comes from ``lawgov`` and ``lawgov.tables``; an entry
# leaves this list when its names become public, and a new private import fails the test below.
CLI_PRIVATE_IMPORTS: dict[str, str] = {
    # File-system mechanisms, not report API (lawgov.write and write_reports use them already).
    "lawgov._formats.atomic": "atomic output files and the removal of stale temporaries",
    "lawgov._formats.regular": "regular-file checks: a FIFO or device is refused, not waited on",
    # Corpus records with their line numbers, from files and from standard input; the public
    # iter_reports(errors="collect") gives the same reports and errors, without the numbers.
    "lawgov._formats.corpus": "corpus entries read one by one (a bad report is one error line)",
    # How the command tells its inputs apart (by suffix, then by content): its own policy.
    "lawgov._formats.suffixes": "the table of suffixes and formats the readers and writers use",
    "lawgov._parse.file": "FILE_SUFFIXES and kind_of: which inputs are report files",
    "lawgov._parse.html_decode": "looks_like_page: a published page on standard input",
    # Presentation: plain digits for people (lawgov.tables keeps decimals exact).
    "lawgov._model.numerals": "plain_decimal: decimals in plain digits, bounded, for people",
    # The assessment tables are not among lawgov.tables' four fact tables (their rows come from
    # Assessment objects, not reports), so their columns and writers are used directly.
    "lawgov._analysis.assess_corpus": "the assessment rows and their columns",
    "lawgov._analysis.tables_export": (
        "rows of those columns as CSV, JSON Lines or Parquet, and format_of (a table command's "
        "suffix refused before any work)"
    ),
}


def _cli_private_imports() -> dict[str, set[str]]:
    return {
        module: {dep for dep in deps if dep.startswith("lawgov._")}
        for module, deps in _graph().items()
        if module == "lawgov.cli" or module.startswith("lawgov.cli.")
    }


def test_the_cli_uses_the_public_api_and_only_the_listed_private_modules() -> None:
    used = _cli_private_imports()
    unlisted = {module: sorted(deps - CLI_PRIVATE_IMPORTS.keys()) for module, deps in used.items()}
    assert {module: deps for module, deps in unlisted.items() if deps} == {}
    # No stale entry: each listed module is still imported somewhere in lawgov.cli.
    assert set().union(*used.values()) == CLI_PRIVATE_IMPORTS.keys()


def test_the_cli_package_keeps_its_privates_to_itself() -> None:
    # lawgov.cli's modules are one package's private parts: they share underscore names among
    # themselves (the modules are private as a whole), but no module outside lawgov.cli imports
    # any of them (lawgov.__main__ imports the package's main), and lawgov.cli imports no
    # underscore name from a public module of the library.
    for module, deps in _graph().items():
        if module == "lawgov.cli" or module.startswith("lawgov.cli."):
            continue
        assert not {dep for dep in deps if dep.startswith("lawgov.cli._")}, module
    for path in sorted((SRC / "cli").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.ImportFrom) and node.module):
                continue
            public_library = node.module in ("lawgov", "lawgov.tables", "lawgov.json", "lawgov.xml")
            if public_library:
                private = [alias.name for alias in node.names if alias.name.startswith("_")]
                assert not private, f"{path.name} imports {private} from {node.module}"
