"""Convert reports between JSON and XML, losslessly.

Run ``python examples/convert_json_xml.py`` to round-trip the bundled sample report through both
formats, or ``python examples/convert_json_xml.py IN OUT`` to convert one file: the format of each
side is chosen by its suffix (``.json`` or ``.xml``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import lawgov
import lawgov.samples


def load(path: Path) -> lawgov.Report:
    """Read a report from a ``.json`` or ``.xml`` file."""
    data = path.read_bytes()
    if path.suffix == ".json":
        return lawgov.from_json(data)
    if path.suffix == ".xml":
        return lawgov.from_xml(data)
    raise SystemExit(f"{path}: expected a .json or .xml file")


def dump(report: lawgov.Report, path: Path) -> None:
    """Write a report to a ``.json`` or ``.xml`` file."""
    if path.suffix == ".json":
        path.write_text(lawgov.to_json(report), encoding="utf-8")
    elif path.suffix == ".xml":
        path.write_bytes(lawgov.to_xml(report))
    else:
        raise SystemExit(f"{path}: expected a .json or .xml file")


def demo() -> None:
    """Round-trip the bundled sample through JSON and XML and show that nothing is lost."""
    report = lawgov.samples.load("jianghai-kjj-2020")
    as_json = lawgov.to_json(report)  # str: UTF-8 text, Chinese unescaped, decimals exact
    as_xml = lawgov.to_xml(report)  # bytes: UTF-8 with an XML declaration
    print(f"{report.title}: {len(as_json.encode())} bytes of JSON, {len(as_xml)} bytes of XML")
    print("JSON starts:", " ".join(as_json.split())[:100])
    print("XML starts: ", " ".join(as_xml.decode("utf-8").split())[:100])

    print("JSON -> report equal:", lawgov.from_json(as_json) == report)
    print("XML -> report equal:", lawgov.from_xml(as_xml) == report)
    # Either format carries every fact, so converting one into the other and back changes
    # nothing, down to the byte.
    via_xml = lawgov.to_json(lawgov.from_xml(lawgov.to_xml(lawgov.from_json(as_json))))
    print("JSON -> XML -> JSON identical bytes:", via_xml == as_json)
    via_json = lawgov.to_xml(lawgov.from_json(lawgov.to_json(lawgov.from_xml(as_xml))))
    print("XML -> JSON -> XML identical bytes:", via_json == as_xml)

    # Malformed input is a FormatError (a LawgovError), whatever went wrong inside the parser.
    for broken in (as_json[:-2], as_xml[:-10]):
        try:
            (lawgov.from_json if isinstance(broken, str) else lawgov.from_xml)(broken)
        except lawgov.FormatError as error:
            print("refused:", type(error).__name__)


def main(argv: list[str]) -> None:
    """Convert ``IN`` to ``OUT`` when given, else run the demonstration."""
    if not argv:
        demo()
        return
    if len(argv) != 2:
        raise SystemExit("usage: convert_json_xml.py [IN OUT]")
    source, target = map(Path, argv)
    dump(load(source), target)
    print(f"{source} -> {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
