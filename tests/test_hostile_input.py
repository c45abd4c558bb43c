"""Never crash: any input gives a report or a LawgovError, whatever the bytes, text or nesting."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lawgov

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


def _sample_report() -> lawgov.Report:
    return lawgov.from_json(
        json.dumps(
            {
                "format": "lawgov-report",
                "version": "1.0",
                "title": "区科技局2020年法治政府建设年度报告",
                "issuer": {"name": "区科技局"},
                "year": 2020,
                "published": "2021-02-26T16:14:00+08:00",
                "disclosure": {"written": "2021-02-20", "document_number": None},
                "sections": [
                    {
                        "number": 1,
                        "title": "主要举措",
                        "paragraphs": ["段落。"],
                        "measures": [
                            {
                                "number": 1,
                                "title": "一是",
                                "text": "一是投入1500万元。",
                                "metrics": [{"value": "1500", "unit": "万元", "text": "1500万元"}],
                                "citations": [
                                    {
                                        "title": "法",
                                        "document_number": {
                                            "issuer_code": "江府",
                                            "year": 2017,
                                            "serial": 16,
                                        },
                                    }
                                ],
                            }
                        ],
                        "delegated_powers": [
                            {"count": 23, "changes": [{"kind": "transferred", "count": 3}]}
                        ],
                    }
                ],
            }
        )
    )


_DOC = lawgov.to_dict(_sample_report())


def _load_json(data: str | bytes) -> None:
    try:
        result = lawgov.from_json(data)
    except lawgov.LawgovError:
        return
    assert isinstance(result, lawgov.Report)


def _load_xml(data: str | bytes) -> None:
    try:
        result = lawgov.from_xml(data)
    except lawgov.LawgovError:
        return
    assert isinstance(result, lawgov.Report)


@_SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    _load_json(data)
    _load_xml(data)
    _load_xml(b"<?xml version='1.0' encoding='UTF-8'?>" + data)


@_SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    _load_json(text)
    _load_xml(text)
    _load_xml('<report xmlns="urn:lawgov:report:1" version="1.0">' + text + "</report>")


@_SETTINGS
@given(_JSON_VALUES)
def test_arbitrary_json(value: Any) -> None:
    _load_json(json.dumps(value))
    _load_json(json.dumps({"format": "lawgov-report", "version": "1.0", "title": value}))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*prefix, index)))
    return found


_PATHS = [path for path in _paths(_DOC) if path[0] not in ("format", "version")]


@_SETTINGS
@given(st.lists(st.tuples(st.sampled_from(_PATHS), _JSON_VALUES), min_size=1, max_size=4))
def test_mutated_documents_give_a_report_or_every_problem(
    changes: list[tuple[tuple[Any, ...], Any]],
) -> None:
    doc = copy.deepcopy(_DOC)
    for path, value in changes:
        target: Any = doc
        try:
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change replaced a parent
    try:
        report = lawgov.from_dict(doc)
    except lawgov.FormatError:
        return
    except lawgov.ValidationError:
        # The same document read from JSON text fails too, with located problems.
        with pytest.raises(lawgov.LawgovError) as caught:
            lawgov.from_json(json.dumps(doc))
        if isinstance(caught.value, lawgov.ValidationError):
            assert caught.value.problems
            assert all(problem.message for problem in caught.value.problems)
        return
    assert lawgov.from_json(lawgov.to_json(report)) == report


_XML = lawgov.to_xml(_sample_report()).decode("utf-8")
_TAGS = sorted({part.split(">")[0] for part in _XML.split("<")[2:] if not part.startswith("/")})


@_SETTINGS
@given(st.sampled_from(_TAGS), st.text(max_size=20), st.booleans())
def test_mutated_xml_gives_a_report_or_a_lawgov_error(tag: str, text: str, drop: bool) -> None:
    opening = f"<{tag}>"
    if opening not in _XML:
        return
    start = _XML.index(opening)
    end = _XML.find(f"</{tag}>", start)
    if end < 0:
        return
    replacement = "" if drop else f"{opening}{text}</{tag}>"
    _load_xml(_XML[:start] + replacement + _XML[end + len(tag) + 3 :])
