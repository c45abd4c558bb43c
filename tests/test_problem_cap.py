"""Memory: a document of millions of bad values is refused with a bounded error, quickly."""

from __future__ import annotations

import json
import time
from typing import Any

import attrs
import pytest

import lawgov
from lawgov._errors import Problem, ValidationError
from lawgov._formats import json as _json
from lawgov._formats import msgspec as _msgspec

MAX_PROBLEMS = 1000  # as documented in docs/validation.md


def _document(**fields: Any) -> dict[str, Any]:
    report = lawgov.Report(
        title="江海区测试局2020年法治政府建设年度报告",
        issuer=lawgov.Agency(name="江海区测试局"),
        year=2020,
    )
    return {**lawgov.to_dict(report), **fields}


@pytest.mark.parametrize("reader", ["dict", "json", "xml"])
def test_problems_are_capped_with_a_count_of_the_rest(reader: str) -> None:
    bad = 300_000
    if reader == "xml":
        good = lawgov.to_xml(lawgov.from_dict(_document(preamble=["x"])))
        data: Any = good.replace(b"<p>x</p>", b"<p> </p>" * bad)
    else:
        data = _document(preamble=[0] * bad)
        if reader == "json":
            data = json.dumps(data)
    load = {"dict": lawgov.from_dict, "json": lawgov.from_json, "xml": lawgov.from_xml}[reader]
    started = time.perf_counter()
    with pytest.raises(ValidationError) as caught:
        load(data)
    error = caught.value
    assert len(error.problems) == MAX_PROBLEMS
    assert error.problems[0].path == "preamble[0]"
    assert error.omitted >= bad - MAX_PROBLEMS
    message = str(error)
    assert message.count("\n") == MAX_PROBLEMS + 1
    assert message.startswith(f"{MAX_PROBLEMS + error.omitted} validation problems:")
    assert message.endswith(f"… and {error.omitted} more")
    assert time.perf_counter() - started < 30


@attrs.frozen
class _CountingProblem(Problem):
    rendered: list[int] = attrs.field(factory=list, eq=False)

    def __str__(self) -> str:
        self.rendered.append(1)
        return super().__str__()


def test_the_message_is_rendered_only_when_asked_for() -> None:
    problems = [_CountingProblem(path=f"notes[{i}]", message="bad", rule="type") for i in range(5)]
    error = ValidationError(problems, source="a.json")
    assert not any(p.rendered for p in problems)
    assert str(error).startswith("a.json: 5 validation problems:\n  notes[0]: bad")
    assert all(p.rendered for p in problems)


def test_a_capped_error_survives_pickling() -> None:
    import pickle

    error = ValidationError(
        [Problem(path=f"notes[{i}]", message="bad", rule="type") for i in range(MAX_PROBLEMS + 7)]
    )
    assert error.omitted == 7
    copy = pickle.loads(pickle.dumps(error))
    assert copy.problems == error.problems
    assert copy.omitted == 7
    assert str(copy) == str(error)
    assert error.under("x").omitted == 7


@pytest.mark.skipif(_json._orjson is None, reason="the orjson reader is not installed")
def test_one_unknown_member_is_reported_without_parsing_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parses: list[object] = []
    original = _json._parse

    def counting(*args: Any, **kwargs: Any) -> Any:
        parses.append(args[1])
        return original(*args, **kwargs)

    monkeypatch.setattr(_json, "_parse", counting)
    text = json.dumps(_document(colour="red"))
    with pytest.raises(ValidationError) as caught:
        lawgov.from_json(text)
    assert [p.rule for p in caught.value.problems] == ["unknown_field"]
    assert parses == []  # msgspec and orjson have read it; the strict parser is not needed
    # A duplicate member still goes to the strict parser, which names it.
    duplicated = text[:-1] + ', "title": "又一个"}'
    with pytest.raises(lawgov.FormatError, match="duplicate member name 'title'"):
        lawgov.from_json(duplicated)
    assert parses


def test_readers_agree_after_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = [
        json.dumps(_document(colour="red")),
        json.dumps(_document(views=2**60)),
        json.dumps(_document(year="2020")),
        json.dumps(_document(notes=["a:b"], colour=1)),
    ]
    fast = [_verdict(text) for text in documents]
    monkeypatch.setattr(_msgspec, "_msgspec", None)
    monkeypatch.setattr(_json, "_orjson", None)
    assert [_verdict(text) for text in documents] == fast


def _verdict(text: str) -> tuple[str, tuple[str, ...]]:
    try:
        lawgov.from_json(text)
    except ValidationError as error:
        return "invalid", tuple(p.rule for p in error.problems)
    except lawgov.FormatError:
        return "format", ()
    return "valid", ()
