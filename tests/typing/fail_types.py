"""mypy must reject this: fields and results have the declared types."""

from __future__ import annotations

import datetime

import lawgov

agency = lawgov.Agency(name="区科技局")
# E: Argument "issuer" to "Report" has incompatible type "str"; expected "Agency"
lawgov.Report(title="报告", issuer="区科技局", year=2020)
# E: Argument "year" to "Report" has incompatible type "str"; expected "int"
lawgov.Report(title="报告", issuer=agency, year="2020")
# E: Argument "kind" to "Section" has incompatible type "str"; expected "SectionKind"
lawgov.Section(number=1, title="一", kind="other")
# E: Missing named argument "year" for "Report"
lawgov.Report(title="报告", issuer=agency)
# E: Argument "value" to "Metric" has incompatible type "float"; expected "Decimal | int"
lawgov.Metric(value=1.5, unit="万元", text="1.5万元")
# E: Argument 1 to "parse" of "DocumentNumber" has incompatible type "bytes"; expected "str"
lawgov.DocumentNumber.parse(b"x")
number = lawgov.DocumentNumber.parse("江府〔2017〕16号")
# E: Incompatible types in assignment (expression has type "int | None", variable has type "str")
year: str = number.year
# E: "Report" has no attribute "colour"
lawgov.Report(title="报告", issuer=agency, year=2020).colour  # noqa: B018
# E: Argument "published" to "Report" has incompatible type "date"; expected "datetime | None"
lawgov.Report(title="报告", issuer=agency, year=2020, published=datetime.date(2021, 2, 26))
# E: Incompatible types in assignment (expression has type "Decimal", variable has type "float")
ratio: float = lawgov.Metric(value=3, unit="%", text="3%").base_value
# E: Incompatible types in assignment (expression has type "bytes", variable has type "str")
xml_text: str = lawgov.to_xml(lawgov.Report(title="报告", issuer=agency, year=2020))
