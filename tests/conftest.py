"""Shared test settings: Hypothesis profiles sized for CI's two cores."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Generated reports are large objects: wall-clock deadlines only add noise on shared machines.
settings.register_profile(
    "default", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", deadline=None, max_examples=1000, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("LAWGOV_HYPOTHESIS_PROFILE", "default"))
