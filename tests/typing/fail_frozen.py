"""mypy must reject this: model objects are immutable."""

from __future__ import annotations

import lawgov

agency = lawgov.Agency(name="区科技局")
# E: Property "name" defined in "Agency" is read-only
agency.name = "区财政局"
report = lawgov.Report(title="报告", issuer=agency, year=2020)
# E: Property "year" defined in "Report" is read-only
report.year = 2021
# E: Property "text" defined in "Metric" is read-only
next(report.iter_metrics()).text = "1500万元"
