"""The lawgov model written again in the peer libraries the benchmark compares against.

Each peer mirrors the model's fields, types and nesting (Decimal, timezone-aware datetime, date,
string enums, optional and repeated children), so that every library does the same work:
pydantic v2 and msgspec for JSON, pydantic-xml and xsdata for XML. Each reads the very document
lawgov writes: the JSON peers' report classes carry the document's ``format`` and ``version``
members, the XML peers the root's attributes.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, Literal

import msgspec
import pydantic
import pydantic_xml


class SectionKind(str, enum.Enum):
    MEASURES_AND_RESULTS = "measures_and_results"
    SHORTCOMINGS = "shortcomings"
    LEADERSHIP_DUTIES = "leadership_duties"
    NEXT_YEAR_PLAN = "next_year_plan"
    OTHER = "other"


class Qualifier(str, enum.Enum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    APPROXIMATELY = "approximately"
    INCREASE = "increase"
    DECREASE = "decrease"
    CUMULATIVE = "cumulative"


class PowerMode(str, enum.Enum):
    DELEGATED = "delegated"
    ENTRUSTED = "entrusted"
    DELEGATED_AND_ENTRUSTED = "delegated_and_entrusted"
    GRANTED = "granted"


class ChangeKind(str, enum.Enum):
    TRANSFERRED = "transferred"
    CANCELLED = "cancelled"
    RECLAIMED = "reclaimed"


# The JSON document's header, as every JSON peer reads it.
Format = Literal["lawgov-report"]
Version = Literal["1.0"]


# --- pydantic v2 -------------------------------------------------------------------------------


class PdModel(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")


class PdAgency(PdModel):
    name: str


class PdDocumentNumber(PdModel):
    issuer_code: str
    year: int | None
    serial: int


class PdCitation(PdModel):
    title: str | None = None
    document_number: PdDocumentNumber | None = None


class PdMetric(PdModel):
    value: Decimal
    unit: str
    text: str
    name: str | None = None
    qualifier: Qualifier = Qualifier.EXACT


class PdPowerChange(PdModel):
    kind: ChangeKind
    count: int
    recipient: PdAgency | None = None


class PdDelegatedPower(PdModel):
    name: str | None = None
    grantor: PdAgency | None = None
    grantee: PdAgency | None = None
    mode: PowerMode = PowerMode.DELEGATED
    count: int = 1
    basis: PdCitation | None = None
    changes: tuple[PdPowerChange, ...] = ()


class PdMeasure(PdModel):
    number: int
    title: str
    text: str
    submeasures: tuple[PdMeasure, ...] = ()
    metrics: tuple[PdMetric, ...] = ()
    citations: tuple[PdCitation, ...] = ()


class PdSection(PdModel):
    number: int
    title: str
    kind: SectionKind = SectionKind.OTHER
    paragraphs: tuple[str, ...] = ()
    measures: tuple[PdMeasure, ...] = ()
    subsections: tuple[PdSection, ...] = ()
    delegated_powers: tuple[PdDelegatedPower, ...] = ()
    metrics: tuple[PdMetric, ...] = ()
    citations: tuple[PdCitation, ...] = ()


class PdDisclosure(PdModel):
    index_number: str | None = None
    document_number: PdDocumentNumber | None = None
    publisher: PdAgency | None = None
    written: dt.date | None = None
    topic: str | None = None
    genre: str | None = None
    validity: str | None = None


class PdReport(PdModel):
    format: Format
    version: Version
    title: str
    issuer: PdAgency
    year: int
    published: pydantic.AwareDatetime | None = None
    source: str | None = None
    url: str | None = None
    views: int | None = None
    disclosure: PdDisclosure | None = None
    preamble: tuple[str, ...] = ()
    sections: tuple[PdSection, ...] = ()
    closing: tuple[str, ...] = ()
    delegated_powers: tuple[PdDelegatedPower, ...] = ()
    metrics: tuple[PdMetric, ...] = ()
    citations: tuple[PdCitation, ...] = ()
    notes: tuple[str, ...] = ()


# --- pydantic v2 with lawgov's rules ---------------------------------------------------------
#
# The same model again, but strict (no coercion) and holding lawgov's validation rules as
# pydantic users would write them: constraints where pydantic has them (checked in Rust), model
# validators for the rules that span fields (numbering, percentages, changes against counts).

_Text = Annotated[str, pydantic.StringConstraints(pattern=r"\S")]
_Year = Annotated[int, pydantic.Field(ge=1949, le=dt.date.today().year + 1)]
_Count = Annotated[int, pydantic.Field(ge=1)]
_CHANGES = (Qualifier.INCREASE, Qualifier.DECREASE)
_CHINA = dt.timezone(dt.timedelta(hours=8))


def _numbered(children: tuple[Any, ...]) -> None:
    for index, child in enumerate(children, 1):
        if child.number != index:
            raise ValueError(f"expected {index}, got {child.number}")


class PvModel(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid", strict=True)


class PvAgency(PvModel):
    name: _Text


class PvDocumentNumber(PvModel):
    issuer_code: Annotated[str, pydantic.StringConstraints(pattern=r"^[\u3400-\u9fff]{1,8}$")]
    year: _Year | None
    serial: _Count


class PvCitation(PvModel):
    title: _Text | None = None
    document_number: PvDocumentNumber | None = None

    @pydantic.model_validator(mode="after")
    def _not_empty(self) -> PvCitation:
        if self.title is None and self.document_number is None:
            raise ValueError("a citation needs a title or a document number")
        return self


class PvMetric(PvModel):
    value: Annotated[Decimal, pydantic.Field(ge=0, allow_inf_nan=False)]
    unit: _Text
    text: _Text
    name: _Text | None = None
    qualifier: Qualifier = Qualifier.EXACT

    @pydantic.model_validator(mode="after")
    def _percentage(self) -> PvMetric:
        if self.unit == "%" and self.value > 100 and self.qualifier not in _CHANGES:
            raise ValueError("a percentage must lie in 0..100")
        return self


class PvPowerChange(PvModel):
    kind: ChangeKind
    count: _Count
    recipient: PvAgency | None = None


class PvDelegatedPower(PvModel):
    name: _Text | None = None
    grantor: PvAgency | None = None
    grantee: PvAgency | None = None
    mode: PowerMode = PowerMode.DELEGATED
    count: _Count = 1
    basis: PvCitation | None = None
    changes: tuple[PvPowerChange, ...] = ()

    @pydantic.model_validator(mode="after")
    def _changes(self) -> PvDelegatedPower:
        if sum(change.count for change in self.changes) > self.count:
            raise ValueError("changes exceed the count")
        return self


class PvMeasure(PvModel):
    number: int
    title: _Text
    text: _Text
    submeasures: tuple[PvMeasure, ...] = ()
    metrics: tuple[PvMetric, ...] = ()
    citations: tuple[PvCitation, ...] = ()

    @pydantic.model_validator(mode="after")
    def _numbering(self) -> PvMeasure:
        _numbered(self.submeasures)
        return self


class PvSection(PvModel):
    number: int
    title: _Text
    kind: SectionKind = SectionKind.OTHER
    paragraphs: tuple[_Text, ...] = ()
    measures: tuple[PvMeasure, ...] = ()
    subsections: tuple[PvSection, ...] = ()
    delegated_powers: tuple[PvDelegatedPower, ...] = ()
    metrics: tuple[PvMetric, ...] = ()
    citations: tuple[PvCitation, ...] = ()

    @pydantic.model_validator(mode="after")
    def _numbering(self) -> PvSection:
        _numbered(self.measures)
        _numbered(self.subsections)
        return self


class PvDisclosure(PvModel):
    index_number: _Text | None = None
    document_number: PvDocumentNumber | None = None
    publisher: PvAgency | None = None
    written: dt.date | None = None
    topic: _Text | None = None
    genre: _Text | None = None
    validity: _Text | None = None


class PvReport(PvModel):
    format: Format
    version: Version
    title: _Text
    issuer: PvAgency
    year: _Year
    published: pydantic.AwareDatetime | None = None
    source: _Text | None = None
    url: _Text | None = None
    views: Annotated[int, pydantic.Field(ge=0)] | None = None
    disclosure: PvDisclosure | None = None
    preamble: tuple[_Text, ...] = ()
    sections: tuple[PvSection, ...] = ()
    closing: tuple[_Text, ...] = ()
    delegated_powers: tuple[PvDelegatedPower, ...] = ()
    metrics: tuple[PvMetric, ...] = ()
    citations: tuple[PvCitation, ...] = ()
    notes: tuple[_Text, ...] = ()

    @pydantic.model_validator(mode="after")
    def _report_rules(self) -> PvReport:
        _numbered(self.sections)
        if self.published is not None and self.published < dt.datetime(
            self.year, 1, 1, tzinfo=_CHINA
        ):
            raise ValueError("published before the reported year began")
        return self


# --- msgspec -----------------------------------------------------------------------------------


class MsAgency(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    name: str


class MsDocumentNumber(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    issuer_code: str
    year: int | None
    serial: int


class MsCitation(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    title: str | None = None
    document_number: MsDocumentNumber | None = None


class MsMetric(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    value: Decimal
    unit: str
    text: str
    name: str | None = None
    qualifier: Qualifier = Qualifier.EXACT


class MsPowerChange(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    kind: ChangeKind
    count: int
    recipient: MsAgency | None = None


class MsDelegatedPower(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    name: str | None = None
    grantor: MsAgency | None = None
    grantee: MsAgency | None = None
    mode: PowerMode = PowerMode.DELEGATED
    count: int = 1
    basis: MsCitation | None = None
    changes: tuple[MsPowerChange, ...] = ()


class MsMeasure(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    number: int
    title: str
    text: str
    submeasures: tuple[MsMeasure, ...] = ()
    metrics: tuple[MsMetric, ...] = ()
    citations: tuple[MsCitation, ...] = ()


class MsSection(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    number: int
    title: str
    kind: SectionKind = SectionKind.OTHER
    paragraphs: tuple[str, ...] = ()
    measures: tuple[MsMeasure, ...] = ()
    subsections: tuple[MsSection, ...] = ()
    delegated_powers: tuple[MsDelegatedPower, ...] = ()
    metrics: tuple[MsMetric, ...] = ()
    citations: tuple[MsCitation, ...] = ()


class MsDisclosure(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    index_number: str | None = None
    document_number: MsDocumentNumber | None = None
    publisher: MsAgency | None = None
    written: dt.date | None = None
    topic: str | None = None
    genre: str | None = None
    validity: str | None = None


class MsReport(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    format: Format
    version: Version
    title: str
    issuer: MsAgency
    year: int
    published: dt.datetime | None = None
    source: str | None = None
    url: str | None = None
    views: int | None = None
    disclosure: MsDisclosure | None = None
    preamble: tuple[str, ...] = ()
    sections: tuple[MsSection, ...] = ()
    closing: tuple[str, ...] = ()
    delegated_powers: tuple[MsDelegatedPower, ...] = ()
    metrics: tuple[MsMetric, ...] = ()
    citations: tuple[MsCitation, ...] = ()
    notes: tuple[str, ...] = ()


# --- pydantic-xml --------------------------------------------------------------------------------

NS = "urn:lawgov:report:1"


class PxAgency(pydantic_xml.BaseXmlModel, tag="agency", ns="", nsmap={"": NS}):
    name: str = pydantic_xml.element()


class PxDocumentNumber(pydantic_xml.BaseXmlModel, tag="document-number", ns="", nsmap={"": NS}):
    issuer_code: str = pydantic_xml.element(tag="issuer-code")
    year: int | None = pydantic_xml.element(default=None)
    serial: int = pydantic_xml.element()


class PxCitation(pydantic_xml.BaseXmlModel, tag="citation", ns="", nsmap={"": NS}):
    title: str | None = pydantic_xml.element(default=None)
    document_number: PxDocumentNumber | None = pydantic_xml.element(
        tag="document-number", default=None
    )


class PxMetric(pydantic_xml.BaseXmlModel, tag="metric", ns="", nsmap={"": NS}):
    value: Decimal = pydantic_xml.element()
    unit: str = pydantic_xml.element()
    text: str = pydantic_xml.element()
    name: str | None = pydantic_xml.element(default=None)
    qualifier: Qualifier = pydantic_xml.element(default=Qualifier.EXACT)


class PxPowerChange(pydantic_xml.BaseXmlModel, tag="change", ns="", nsmap={"": NS}):
    kind: ChangeKind = pydantic_xml.element()
    count: int = pydantic_xml.element()
    recipient: PxAgency | None = pydantic_xml.element(tag="recipient", default=None)


class PxDelegatedPower(pydantic_xml.BaseXmlModel, tag="delegated-power", ns="", nsmap={"": NS}):
    name: str | None = pydantic_xml.element(default=None)
    grantor: PxAgency | None = pydantic_xml.element(tag="grantor", default=None)
    grantee: PxAgency | None = pydantic_xml.element(tag="grantee", default=None)
    mode: PowerMode = pydantic_xml.element(default=PowerMode.DELEGATED)
    count: int = pydantic_xml.element(default=1)
    basis: PxCitation | None = pydantic_xml.element(tag="basis", default=None)
    changes: list[PxPowerChange] = pydantic_xml.wrapped("changes", default_factory=list)


class PxMeasure(pydantic_xml.BaseXmlModel, tag="measure", ns="", nsmap={"": NS}):
    number: int = pydantic_xml.element()
    title: str = pydantic_xml.element()
    text: str = pydantic_xml.element()
    submeasures: list[PxMeasure] = pydantic_xml.wrapped("submeasures", default_factory=list)
    metrics: list[PxMetric] = pydantic_xml.wrapped("metrics", default_factory=list)
    citations: list[PxCitation] = pydantic_xml.wrapped("citations", default_factory=list)


class PxSection(pydantic_xml.BaseXmlModel, tag="section", ns="", nsmap={"": NS}):
    number: int = pydantic_xml.element()
    title: str = pydantic_xml.element()
    kind: SectionKind = pydantic_xml.element(default=SectionKind.OTHER)
    paragraphs: list[str] = pydantic_xml.wrapped(
        "paragraphs", pydantic_xml.element(tag="p", default_factory=list)
    )
    measures: list[PxMeasure] = pydantic_xml.wrapped("measures", default_factory=list)
    subsections: list[PxSection] = pydantic_xml.wrapped("subsections", default_factory=list)
    delegated_powers: list[PxDelegatedPower] = pydantic_xml.wrapped(
        "delegated-powers", default_factory=list
    )
    metrics: list[PxMetric] = pydantic_xml.wrapped("metrics", default_factory=list)
    citations: list[PxCitation] = pydantic_xml.wrapped("citations", default_factory=list)


class PxDisclosure(pydantic_xml.BaseXmlModel, tag="disclosure", ns="", nsmap={"": NS}):
    index_number: str | None = pydantic_xml.element(tag="index-number", default=None)
    document_number: PxDocumentNumber | None = pydantic_xml.element(
        tag="document-number", default=None
    )
    publisher: PxAgency | None = pydantic_xml.element(tag="publisher", default=None)
    written: dt.date | None = pydantic_xml.element(default=None)
    topic: str | None = pydantic_xml.element(default=None)
    genre: str | None = pydantic_xml.element(default=None)
    validity: str | None = pydantic_xml.element(default=None)


class PxReport(pydantic_xml.BaseXmlModel, tag="report", ns="", nsmap={"": NS}):
    title: str = pydantic_xml.element()
    issuer: PxAgency = pydantic_xml.element(tag="issuer")
    year: int = pydantic_xml.element()
    published: dt.datetime | None = pydantic_xml.element(default=None)
    source: str | None = pydantic_xml.element(default=None)
    url: str | None = pydantic_xml.element(default=None)
    views: int | None = pydantic_xml.element(default=None)
    disclosure: PxDisclosure | None = pydantic_xml.element(tag="disclosure", default=None)
    preamble: list[str] = pydantic_xml.wrapped(
        "preamble", pydantic_xml.element(tag="p", default_factory=list)
    )
    sections: list[PxSection] = pydantic_xml.wrapped("sections", default_factory=list)
    closing: list[str] = pydantic_xml.wrapped(
        "closing", pydantic_xml.element(tag="p", default_factory=list)
    )
    delegated_powers: list[PxDelegatedPower] = pydantic_xml.wrapped(
        "delegated-powers", default_factory=list
    )
    metrics: list[PxMetric] = pydantic_xml.wrapped("metrics", default_factory=list)
    citations: list[PxCitation] = pydantic_xml.wrapped("citations", default_factory=list)
    notes: list[str] = pydantic_xml.wrapped(
        "notes", pydantic_xml.element(tag="note", default_factory=list)
    )


# --- xsdata ------------------------------------------------------------------------------------


_XS = {"type": "Element", "namespace": NS}


@dataclass
class XsAgency:
    name: str = field(metadata=_XS)


@dataclass
class XsDocumentNumber:
    issuer_code: str = field(metadata={**_XS, "name": "issuer-code"})
    year: int | None = field(default=None, metadata=_XS)
    serial: int = field(default=0, metadata=_XS)


@dataclass
class XsCitation:
    title: str | None = field(default=None, metadata=_XS)
    document_number: XsDocumentNumber | None = field(
        default=None, metadata={**_XS, "name": "document-number"}
    )


@dataclass
class XsMetric:
    value: Decimal = field(metadata=_XS)
    unit: str = field(metadata=_XS)
    text: str = field(metadata=_XS)
    name: str | None = field(default=None, metadata=_XS)
    qualifier: Qualifier = field(default=Qualifier.EXACT, metadata=_XS)


@dataclass
class XsPowerChange:
    kind: ChangeKind = field(metadata=_XS)
    count: int = field(metadata=_XS)
    recipient: XsAgency | None = field(default=None, metadata=_XS)


@dataclass
class XsDelegatedPower:
    name: str | None = field(default=None, metadata=_XS)
    grantor: XsAgency | None = field(default=None, metadata=_XS)
    grantee: XsAgency | None = field(default=None, metadata=_XS)
    mode: PowerMode = field(default=PowerMode.DELEGATED, metadata=_XS)
    count: int = field(default=1, metadata=_XS)
    basis: XsCitation | None = field(default=None, metadata=_XS)
    changes: list[XsPowerChange] = field(
        default_factory=list, metadata={**_XS, "wrapper": "changes", "name": "change"}
    )


@dataclass
class XsMeasure:
    number: int = field(metadata=_XS)
    title: str = field(metadata=_XS)
    text: str = field(metadata=_XS)
    submeasures: list[XsMeasure] = field(
        default_factory=list, metadata={**_XS, "wrapper": "submeasures", "name": "measure"}
    )
    metrics: list[XsMetric] = field(
        default_factory=list, metadata={**_XS, "wrapper": "metrics", "name": "metric"}
    )
    citations: list[XsCitation] = field(
        default_factory=list, metadata={**_XS, "wrapper": "citations", "name": "citation"}
    )


@dataclass
class XsSection:
    number: int = field(metadata=_XS)
    title: str = field(metadata=_XS)
    kind: SectionKind = field(default=SectionKind.OTHER, metadata=_XS)
    paragraphs: list[str] = field(
        default_factory=list, metadata={**_XS, "wrapper": "paragraphs", "name": "p"}
    )
    measures: list[XsMeasure] = field(
        default_factory=list, metadata={**_XS, "wrapper": "measures", "name": "measure"}
    )
    subsections: list[XsSection] = field(
        default_factory=list, metadata={**_XS, "wrapper": "subsections", "name": "section"}
    )
    delegated_powers: list[XsDelegatedPower] = field(
        default_factory=list,
        metadata={**_XS, "wrapper": "delegated-powers", "name": "delegated-power"},
    )
    metrics: list[XsMetric] = field(
        default_factory=list, metadata={**_XS, "wrapper": "metrics", "name": "metric"}
    )
    citations: list[XsCitation] = field(
        default_factory=list, metadata={**_XS, "wrapper": "citations", "name": "citation"}
    )


@dataclass
class XsDisclosure:
    index_number: str | None = field(default=None, metadata={**_XS, "name": "index-number"})
    document_number: XsDocumentNumber | None = field(
        default=None, metadata={**_XS, "name": "document-number"}
    )
    publisher: XsAgency | None = field(default=None, metadata=_XS)
    written: str | None = field(default=None, metadata=_XS)
    topic: str | None = field(default=None, metadata=_XS)
    genre: str | None = field(default=None, metadata=_XS)
    validity: str | None = field(default=None, metadata=_XS)


@dataclass
class XsReport:
    class Meta:
        name = "report"
        namespace = NS

    title: str = field(metadata=_XS)
    issuer: XsAgency = field(metadata=_XS)
    year: int = field(metadata=_XS)
    published: str | None = field(default=None, metadata=_XS)
    source: str | None = field(default=None, metadata=_XS)
    url: str | None = field(default=None, metadata=_XS)
    views: int | None = field(default=None, metadata=_XS)
    disclosure: XsDisclosure | None = field(default=None, metadata=_XS)
    preamble: list[str] = field(
        default_factory=list, metadata={**_XS, "wrapper": "preamble", "name": "p"}
    )
    sections: list[XsSection] = field(
        default_factory=list, metadata={**_XS, "wrapper": "sections", "name": "section"}
    )
    closing: list[str] = field(
        default_factory=list, metadata={**_XS, "wrapper": "closing", "name": "p"}
    )
    delegated_powers: list[XsDelegatedPower] = field(
        default_factory=list,
        metadata={**_XS, "wrapper": "delegated-powers", "name": "delegated-power"},
    )
    metrics: list[XsMetric] = field(
        default_factory=list, metadata={**_XS, "wrapper": "metrics", "name": "metric"}
    )
    citations: list[XsCitation] = field(
        default_factory=list, metadata={**_XS, "wrapper": "citations", "name": "citation"}
    )
    notes: list[str] = field(
        default_factory=list, metadata={**_XS, "wrapper": "notes", "name": "note"}
    )
