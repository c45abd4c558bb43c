"""lawgov objects inside cattrs converters: the same strict rules as lawgov's own loaders.

Applications often keep a report inside their own attrs classes (a crawl record, an audit
finding) and move those with cattrs. cattrs' default hooks would coerce silently (``None`` to
``'None'``, ``3.7`` to ``3``) and skip lawgov's rules; these hooks hand every lawgov class to
lawgov's converter instead, so such a record loads strictly and fails with every problem and
its path, exactly as [`lawgov.from_dict`][lawgov.from_dict] does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import cattrs

from lawgov import _model
from lawgov._formats import convert as _convert

__all__ = ["cattrs_converter", "register_cattrs_hooks"]


def _structure_hook(cls: type) -> Callable[[Any, Any], Any]:
    if cls is _model.Report:
        return lambda data, _: _convert.from_dict(data)
    return lambda data, _: _convert.load_part(cls, data)


def _unstructure_hook(cls: type) -> Callable[[Any], Any]:
    if cls is _model.Report:
        return _convert.to_dict
    return _convert.unstructure_part


def register_cattrs_hooks(converter: cattrs.Converter) -> cattrs.Converter:
    """Teach ``converter`` every lawgov class, in lawgov's JSON shape and with its strict rules.

    A [`Report`][lawgov.Report] goes out as [`lawgov.to_dict`][lawgov.to_dict] writes it (with
    ``format`` and ``version``) and comes back through [`lawgov.from_dict`][lawgov.from_dict]; every
    other model class goes out and comes back in the shape it has inside a report document. Bad data
    raises [`lawgov.ValidationError`][lawgov.ValidationError] (cattrs, with detailed validation on,
    wraps it in its own ``ClassValidationError`` for the field that held it).

    Args:
        converter: A cattrs converter of the application's.

    Returns:
        The same converter, for chaining.
    """
    for cls in _convert.model_classes():
        converter.register_structure_hook(cls, _structure_hook(cls))
        converter.register_unstructure_hook(cls, _unstructure_hook(cls))
    return converter


def cattrs_converter() -> cattrs.Converter:
    """A new cattrs converter that knows every lawgov class (see
    [`register_cattrs_hooks`][lawgov.register_cattrs_hooks])."""
    return register_cattrs_hooks(cattrs.Converter())
