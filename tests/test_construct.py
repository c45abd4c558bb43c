"""The twins through which the loaders build model objects (lawgov._model.construct)."""

from __future__ import annotations

import functools
import weakref
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import lawgov
from lawgov import _model, testing
from lawgov._formats import convert as _convert
from lawgov._model import construct as _construct


def test_every_model_class_has_a_twin_on_this_interpreter() -> None:
    namespace = _construct.names(_convert.model_classes())
    missing = [
        cls.__name__ for cls in _convert.model_classes() if f"T_{cls.__name__}" not in namespace
    ]
    assert missing == []


def test_a_twin_becomes_a_frozen_model_object_with_its_values() -> None:
    namespace = _construct.names([_model.Metric])
    lines = _construct.construction(
        _model.Metric, ["value", "unit", "text", "name", "qualifier"], "o", namespace
    )
    source = "def build(v_value, v_unit, v_text, v_name, v_qualifier):\n"
    source += "".join(f"    {line}\n" for line in lines) + "    return o\n"
    exec(source, namespace)
    metric = namespace["build"](
        v_value=lawgov.Metric(value=5, unit="家", text="5家").value,
        v_unit="家",
        v_text="5家",
        v_name=None,
        v_qualifier=lawgov.Qualifier.EXACT,
    )
    assert type(metric) is lawgov.Metric
    assert metric == lawgov.Metric(value=5, unit="家", text="5家")
    assert hash(metric) == hash(lawgov.Metric(value=5, unit="家", text="5家"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        metric.unit = "项"  # type: ignore[misc]


def test_a_class_with_a_weakref_slot_has_no_twin_and_is_built_through_its_descriptors() -> None:
    @attrs.frozen
    class Weak:
        a: int
        b: str

    namespace = _construct.names([Weak])
    assert "T_Weak" not in namespace
    source = "def build(v_a, v_b):\n"
    source += "".join(
        f"    {line}\n" for line in _construct.construction(Weak, ["a", "b"], "o", namespace)
    )
    exec(source + "    return o\n", namespace)
    built = namespace["build"](1, "x")
    assert built == Weak(a=1, b="x")
    assert weakref.ref(built)() is built


@functools.cache
def _structure_through_descriptors() -> Any:
    return _convert._compile(twins=False)[1]["Report"]


@settings(max_examples=60, deadline=None)
@given(testing.reports())
def test_loaders_built_through_descriptors_give_the_same_reports(report: lawgov.Report) -> None:
    data = lawgov.to_dict(report)
    structure = _structure_through_descriptors()
    _convert._refresh_max_year()
    with _convert.gc_paused():
        built = structure({k: v for k, v in data.items() if k not in ("format", "version")}, 0)
    assert built == report
    assert lawgov.from_dict(data) == report
