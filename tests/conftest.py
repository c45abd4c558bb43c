"""Shared test settings: Hypothesis profiles sized for CI's two cores, and a growth meter."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings

# Generated reports are large objects: wall-clock deadlines only add noise on shared machines.
settings.register_profile(
    "default", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", deadline=None, max_examples=1000, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("LAWGOV_HYPOTHESIS_PROFILE", "default"))


Growth = Callable[[Callable[[int], object], int, int], float]


@pytest.fixture
def growth() -> Growth:
    """How many times longer ``run(large)`` takes than ``run(small)``.

    A guard against quadratic time on hostile input (eight times the text: about 8 when linear,
    64 when quadratic), not a speed figure. The two sizes run in turn, five times each, and the
    best time of each counts, so a burst of load on a shared machine slows both or neither.
    """

    def measure(run: Callable[[int], object], small: int, large: int) -> float:
        best = {small: float("inf"), large: float("inf")}
        for _ in range(5):
            for size in (small, large):
                started = time.perf_counter()
                run(size)
                best[size] = min(best[size], time.perf_counter() - started)
        return best[large] / max(best[small], 1e-4)

    return measure
