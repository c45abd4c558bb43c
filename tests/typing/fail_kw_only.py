"""mypy must reject this: every constructor is keyword-only."""

from __future__ import annotations

import lawgov

# E: Too many positional arguments for "Agency"
lawgov.Agency("区科技局")
# E: Too many positional arguments for "PowerChange"
lawgov.PowerChange(lawgov.ChangeKind.CANCELLED, 1)
