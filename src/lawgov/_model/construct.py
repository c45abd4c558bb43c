"""How the loaders' generated code builds model objects from values it has already checked.

A model class is frozen: its ``__setattr__`` refuses every assignment, so attrs' ``__init__``
and the loaders set each slot through a descriptor, one call per field. After parsing, those
calls are the largest single cost of loading a document. A *twin* of a model class is a plain
class with the same slots: its fields are set by ordinary attribute stores, which the
interpreter turns into one memory write each, and assigning ``__class__`` then makes the
finished object an instance of the model class.

CPython allows that assignment only between classes of the same memory layout, which is why the
model classes have no ``__weakref__`` slot. Each twin is tried once, at import, with a value in
every slot; where the interpreter refuses the assignment or places a slot elsewhere, the loaders
fall back to the descriptors, with the same result.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

__all__ = ["becomes", "construction", "names"]

_TWIN: Final = "T_"
_SETTER: Final = "SET_"


def _slots(cls: type) -> tuple[str, ...]:
    return tuple(cls.__dict__.get("__slots__", ()))


def becomes(twin: type, cls: type) -> bool:
    """Whether an object of ``twin``, its slots filled, can become a ``cls`` object intact."""
    slots = _slots(cls)
    trial: Any = object.__new__(twin)
    markers = {name: object() for name in slots}
    try:
        for name, marker in markers.items():
            setattr(trial, name, marker)
        trial.__class__ = cls
    except (TypeError, AttributeError):
        return False
    return all(cls.__dict__[name].__get__(trial) is marker for name, marker in markers.items())


def _twin(cls: type) -> type | None:
    """A plain class whose instances can become ``cls`` objects, or None if there is none."""
    slots = _slots(cls)
    if not slots or "__weakref__" in slots or "__dict__" in slots or cls.__bases__ != (object,):
        return None
    twin = type(f"{cls.__name__}Twin", (), {"__slots__": slots, "__module__": cls.__module__})
    return twin if becomes(twin, cls) else None


def names(classes: Iterable[type], *, twins: bool = True) -> dict[str, Any]:
    """The names that the lines of `construction` use, for the generated code's namespace.

    ``twins=False`` leaves the twins out, so that every class is built through its descriptors
    (the route the tests compare the twins with).
    """
    namespace: dict[str, Any] = {"NEW": object.__new__}
    for cls in classes:
        name = cls.__name__
        namespace[f"C_{name}"] = cls
        twin = _twin(cls) if twins else None
        if twin is not None:
            namespace[f"{_TWIN}{name}"] = twin
        else:
            for slot in _slots(cls):
                if slot != "__weakref__":
                    namespace[f"{_SETTER}{name}_{slot}"] = cls.__dict__[slot].__set__
    return namespace


def construction(
    cls: type, fields: Iterable[str], var: str, namespace: dict[str, Any]
) -> list[str]:
    """Lines that build ``var``, a ``cls`` object holding each field's local ``v_<field>``.

    ``namespace`` is the one `names` made: it says whether ``cls`` has a twin.
    """
    name = cls.__name__
    if f"{_TWIN}{name}" in namespace:
        lines = [f"{var} = NEW({_TWIN}{name})"]
        lines += [f"{var}.{field} = v_{field}" for field in fields]
        lines.append(f"{var}.__class__ = C_{name}")
        return lines
    lines = [f"{var} = NEW(C_{name})"]
    lines += [f"{_SETTER}{name}_{field}({var}, v_{field})" for field in fields]
    return lines
