"""Test-fixture kit: Hypothesis strategies, factories and assertions for lawgov reports.

Needs the ``testing`` extra (``pip install lawgov[testing]``) for the strategies. The factories
and assertions work without Hypothesis, and the strategies are imported lazily so that the
pytest plugin (loaded by pytest for everyone who has lawgov installed) never imports Hypothesis.
"""

from __future__ import annotations

__all__: list[str] = []
