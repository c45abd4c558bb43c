"""Time lawgov's JSON and XML formats against peer libraries and the raw floor.

Run: ``.venv/bin/python benchmarks/bench_formats.py`` (``--quick`` for fewer repeats).

For the golden report (``lawgov.samples``, or a small built report while none is bundled) and a
generated large one (200 sections x 10 measures x 3 metrics) it times, in the same run:

* JSON decode+validate and encode: lawgov, pydantic v2 (as written, and strict with lawgov's
  rules as model validators), msgspec, and the floor (orjson on plain
  dicts with only the Decimal and datetime values converted);
* XML round trip (decode+validate, then encode): lawgov, pydantic-xml, xsdata, and the floor (lxml
  fromstring, one walk over the elements, tostring).

Every peer reads the very document lawgov writes (same members, same elements). Each figure is
the best of several repeats; ratios are to the floor of the same row.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import time
import timeit
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import msgspec
import orjson
from lxml import etree
from xsdata.formats.dataclass.parsers import XmlParser
from xsdata.formats.dataclass.parsers.config import ParserConfig
from xsdata.formats.dataclass.serializers import XmlSerializer
from xsdata.formats.dataclass.serializers.config import SerializerConfig

sys.path.insert(0, str(Path(__file__).parent))

import _peers

import lawgov
from lawgov._formats import json as _json
from lawgov._formats import msgspec as _msgspec


def golden_report() -> tuple[str, lawgov.Report]:
    try:
        import lawgov.samples

        return "golden", lawgov.samples.load("jianghai-kjj-2020")
    except (ImportError, AttributeError, lawgov.LawgovError, OSError):
        return "small (built)", small_report()


def small_report() -> lawgov.Report:
    import pendulum

    measures = tuple(
        lawgov.Measure(
            number=n,
            title=f"措施{n}",
            text=f"第{n}项措施，扶持企业608家，投入1500万元。",
            metrics=(
                lawgov.Metric(value=Decimal("608"), unit="家", text="608家"),
                lawgov.Metric(value=Decimal("1500"), unit="万元", text="1500万元"),
            ),
        )
        for n in range(1, 6)
    )
    return lawgov.Report(
        title="区科技局2020年法治政府建设年度报告",
        issuer=lawgov.Agency(name="区科技局"),
        year=2020,
        published=pendulum.datetime(2021, 2, 26, 16, 14, tz="Asia/Shanghai"),
        preamble=("2020年，区科技局坚持依法行政。",),
        sections=tuple(
            lawgov.Section(number=n, title=f"第{n}部分", measures=measures) for n in range(1, 5)
        ),
    )


def large_report(count: int = 200) -> lawgov.Report:
    import pendulum

    kinds = list(lawgov.Qualifier)
    sections = []
    for s in range(1, count + 1):
        measures = tuple(
            lawgov.Measure(
                number=m,
                title=f"第{m}项措施",
                text=f"第{m}项措施：全年办理事项{m * 37}件，投入资金{m}.5万元，同比增长{m}%。",
                metrics=tuple(
                    lawgov.Metric(
                        value=Decimal(f"{m * 37 + k}.{k}"),
                        unit=("件", "万元", "%")[k],
                        text=f"{m * 37 + k}.{k}{('件', '万元', '%')[k]}",
                        name="办理事项" if k == 0 else None,
                        qualifier=kinds[(s + m + k) % len(kinds)]
                        if k < 2
                        else lawgov.Qualifier.INCREASE,
                    )
                    for k in range(3)
                ),
                citations=(lawgov.Citation(title="中华人民共和国行政许可法"),) if m == 1 else (),
            )
            for m in range(1, 11)
        )
        sections.append(
            lawgov.Section(
                number=s,
                title=f"第{s}部分",
                kind=lawgov.SectionKind.MEASURES_AND_RESULTS,
                paragraphs=(f"第{s}部分的说明。",),
                measures=measures,
            )
        )
    return lawgov.Report(
        title="大型生成报告",
        issuer=lawgov.Agency(name="某市人民政府"),
        year=2020,
        published=pendulum.datetime(2021, 3, 1, 9, 30, tz="Asia/Shanghai"),
        sections=tuple(sections),
    )


# --- the floor -----------------------------------------------------------------------------------


def _floor_convert(node: Any) -> Any:
    # The only typed values: metric values (Decimal), published (datetime), written (date).
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, (dict, list)):
                _floor_convert(value)
            elif key == "value" and isinstance(value, str):
                node[key] = Decimal(value)
            elif key == "published" and isinstance(value, str):
                node[key] = dt.datetime.fromisoformat(value)
            elif key == "written" and isinstance(value, str):
                node[key] = dt.date.fromisoformat(value)
    else:
        for item in node:
            if isinstance(item, (dict, list)):
                _floor_convert(item)
    return node


def floor_json_decode(text: str) -> Any:
    return _floor_convert(orjson.loads(text))


def floor_json_encode(data: Any) -> bytes:
    return orjson.dumps(data, default=str, option=orjson.OPT_INDENT_2)


def floor_xml_round_trip(data: bytes) -> bytes:
    root = etree.fromstring(data)
    for element in root.iter():
        element.text  # noqa: B018 - the one walk over the elements
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True)


_HARDENED = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def floor_xml_decode(data: bytes) -> Any:
    root = etree.fromstring(data, parser=_HARDENED)
    for element in root.iter():
        element.text  # noqa: B018 - the one walk over the elements
    return root


def floor_xml_encode(root: Any) -> bytes:
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True)


def from_json_without_msgspec(text: str) -> lawgov.Report:
    """lawgov.from_json as it runs when msgspec is not installed (orjson only)."""
    saved = _msgspec._msgspec
    _msgspec._msgspec = None
    try:
        return lawgov.from_json(text)
    finally:
        _msgspec._msgspec = saved


# --- timing --------------------------------------------------------------------------------------


def measure(
    cases: list[tuple[str, str, Callable[[], object]]], rounds: int, *, quick: bool = False
) -> list[float]:
    """Best time per call of each case, the cases interleaved round by round.

    Interleaving spreads any change in machine load over all libraries alike; the minimum over
    the rounds is the figure least disturbed by other processes. Time is this process's CPU
    time, so that on a shared machine the time others hold the CPU is not counted.
    """
    numbers = []
    for _, _, func in cases:
        if quick:  # only that every case runs
            numbers.append(2)
            continue
        number, _ = timeit.Timer(func, timer=time.process_time).autorange()  # >= 0.2 s of calls
        numbers.append(max(1, number // 10))
    best = [float("inf")] * len(cases)
    for _ in range(rounds):
        for index, (_, _, func) in enumerate(cases):
            timer = timeit.Timer(func, timer=time.process_time)
            seconds = timer.timeit(number=numbers[index]) / numbers[index]
            best[index] = min(best[index], seconds)
    return best


def run(
    name: str, report: lawgov.Report, rounds: int, *, quick: bool = False
) -> list[tuple[str, str, float, float]]:
    text = lawgov.to_json(report)
    data = lawgov.to_xml(report)
    floor_data = floor_json_decode(text)
    pd_obj = _peers.PdReport.model_validate_json(text)
    pv_obj = _peers.PvReport.model_validate_json(text)
    ms_obj = msgspec.json.decode(text, type=_peers.MsReport)
    px_obj = _peers.PxReport.from_xml(data)
    xs_parser = XmlParser(config=ParserConfig(fail_on_unknown_attributes=False))
    xs_serializer = XmlSerializer(config=SerializerConfig(indent="  "))
    xs_obj = xs_parser.from_bytes(data, _peers.XsReport)
    tree = floor_xml_decode(data)
    # Sanity: the peers read the same content.
    assert len(pd_obj.sections) == len(pv_obj.sections) == len(ms_obj.sections)
    assert len(ms_obj.sections) == len(report.sections)
    assert len(px_obj.sections) == len(xs_obj.sections) == len(report.sections)

    cases: list[tuple[str, str, Callable[[], object]]] = [
        ("JSON decode+validate", "floor (orjson + conversions)", lambda: floor_json_decode(text)),
        ("JSON decode+validate", "lawgov", lambda: lawgov.from_json(text)),
        ("JSON decode+validate", "lawgov (no msgspec)", lambda: from_json_without_msgspec(text)),
        (
            "JSON decode+validate",
            "msgspec",
            lambda: msgspec.json.decode(text, type=_peers.MsReport),
        ),
        (
            "JSON decode+validate",
            "pydantic v2",
            lambda: _peers.PdReport.model_validate_json(text),
        ),
        (
            "JSON decode+validate",
            "pydantic v2, strict + lawgov's rules",
            lambda: _peers.PvReport.model_validate_json(text),
        ),
        ("JSON encode", "floor (orjson)", lambda: floor_json_encode(floor_data)),
        ("JSON encode", "lawgov to_json (str)", lambda: lawgov.to_json(report)),
        ("JSON encode", "lawgov bytes (write(), CLI)", lambda: _json.to_json_bytes(report)),
        ("JSON encode", "msgspec", lambda: msgspec.json.encode(ms_obj)),
        ("JSON encode", "pydantic v2", lambda: pd_obj.model_dump_json(indent=2)),
        ("XML round trip", "floor (lxml)", lambda: floor_xml_round_trip(data)),
        ("XML round trip", "lawgov", lambda: lawgov.to_xml(lawgov.from_xml(data))),
        (
            "XML round trip",
            "pydantic-xml",
            lambda: _peers.PxReport.from_xml(data).to_xml(encoding="UTF-8", xml_declaration=True),
        ),
        (
            "XML round trip",
            "xsdata",
            lambda: xs_serializer.render(xs_parser.from_bytes(data, _peers.XsReport)),
        ),
        ("XML decode+validate", "floor (hardened lxml parse)", lambda: floor_xml_decode(data)),
        ("XML decode+validate", "lawgov", lambda: lawgov.from_xml(data)),
        ("XML encode", "floor (lxml tostring)", lambda: floor_xml_encode(tree)),
        ("XML encode", "lawgov", lambda: lawgov.to_xml(report)),
    ]
    rows = []
    floor = 0.0
    for (task, library, _), seconds in zip(cases, measure(cases, rounds, quick=quick), strict=True):
        if library.startswith("floor"):
            floor = seconds
        rows.append((task, library, seconds, seconds / floor if floor else float("nan")))
    print(f"\n{name}: {len(text.encode()):,} bytes of JSON, {len(data):,} bytes of XML")
    print(f"{'task':<22}{'library':<38}{'ms':>10}{'x floor':>10}")
    for task, library, seconds, ratio in rows:
        shown = f"{ratio:.2f}"
        print(f"{task:<22}{library:<38}{seconds * 1000:>10.3f}{shown:>10}")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 rounds, a 10-section large")
    args = parser.parse_args()
    rounds = 2 if args.quick else 20
    print(
        f"Python {platform.python_version()} on {platform.machine()}, lawgov {lawgov.__version__}"
    )
    name, golden = golden_report()
    run(name, golden, rounds, quick=args.quick)
    count = 10 if args.quick else 200
    run(
        f"large ({count} sections x 10 measures x 3 metrics)",
        large_report(count),
        rounds,
        quick=args.quick,
    )


if __name__ == "__main__":
    main()
