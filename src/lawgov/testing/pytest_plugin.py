"""The lawgov pytest plugin, registered through the ``pytest11`` entry point.

pytest loads it for everyone who has lawgov installed, with or without the ``testing`` extra, so
it must not import Hypothesis at import time.
"""

from __future__ import annotations
