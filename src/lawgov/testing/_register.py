"""Registering lawgov's strategies with Hypothesis, so ``st.from_type(lawgov.Report)`` works.

Two ways in, so that neither ``import lawgov.testing`` nor the pytest plugin ever imports
Hypothesis by itself:

- Hypothesis runs the ``hypothesis`` entry points of installed packages when it is first imported
  (``pyproject.toml`` names `_hypothesis_setup_hook`), whatever was imported before;
- ``import lawgov.testing`` registers at once when Hypothesis is already imported
  (`register_if_loaded`), which covers a lawgov run from a source tree without its
  package metadata.
"""

from __future__ import annotations

import importlib
import sys

__all__ = ["register_if_loaded"]


def _hypothesis_setup_hook() -> None:
    """Hypothesis's entry-point hook: importing the strategies module registers them."""
    importlib.import_module("lawgov.testing._strategies")


def register_if_loaded() -> None:
    """Register the strategies now if Hypothesis is already imported; otherwise do nothing."""
    if "hypothesis" in sys.modules:
        _hypothesis_setup_hook()
