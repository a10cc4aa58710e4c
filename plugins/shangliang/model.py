"""The content model: typed, immutable values for what editors write.

Every loose YAML value is turned into these types in one place
(`validation`); everything after that works on these types only.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import KW_ONLY, dataclass, field
from enum import Enum

from shangliang.dates import PartialDate
from shangliang.messages import FieldName, Language, Params, current_language, label_of, problem_text
from shangliang.messages.catalogue import PROBLEMS, check_params
from shangliang.urls import page_url

STAGES: tuple[str, ...] = ("选题", "调研", "协商", "报送", "办理", "落实")
"""The life of a case, in order; `Case.status` is the furthest stage reached."""

DEFAULT_STAGE = "协商"

DEFAULT_FORMATS: tuple[str, ...] = (
    "微协商",
    "民情座谈会",
    "政策宣讲",
    "为民办实事",
    "委员进小院",
    "协商议事会",
    "委员沙龙",
    "界别协商",
    "专题协商会",
    "视察调研",
)


class Kind(str, Enum):
    """What a Markdown file under the content folder is."""

    BRAND = "brand"
    DISTRICT = "district"
    VENUE = "venue"
    CASE = "case"
    ROUNDUP = "roundup"
    HIGHLIGHTS = "highlights"
    HOME = "home"
    PAGE = "page"


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, in the shape an editor can act on.

    `code` names the kind of problem (stable, for CI); `params` fill its message, worded from
    `shangliang.messages` in Chinese or English: `problem.text("zh")` is
    `cases/2024/x.md: date（协商日期）: 不是日期（写的是 '2024-6-1'；应写成 YYYY-MM-DD、YYYY-MM 或 YYYY）`,
    `problem.text("en")` `cases/2024/x.md: date: not a date (got '2024-6-1'; expected …)`, and
    `str(problem)` the same in the process's language (`messages.set_language`).
    """

    src_uri: str
    field: str
    """The field's key or path (`date`, `source.url`), a part of the file (`front matter`), or "" for the whole file."""
    _: KW_ONLY
    code: str
    params: Params = dataclasses.field(default_factory=dict, hash=False)
    severity: Severity = Severity.ERROR
    line: int | None = None
    """The line of the file the problem is on, when the check knows it (else found from `field`)."""
    kind: str | None = None
    """The kind of the file (`case`, `brand`…) when known: it chooses the field's label (a brand's `name`: 品牌名称)."""

    def __post_init__(self) -> None:
        check_params(PROBLEMS, self.code, self.params)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def label(self) -> str:
        """The Chinese label of `field` ("" for a key the contract does not know)."""
        return label_of(self.field, self.kind)

    @property
    def message(self) -> str:
        """What is wrong and what is allowed, in the process's language, without file and field."""
        return problem_text(self.code, self.params, current_language())

    def text(self, language: Language) -> str:
        """The problem's line in `language`: file, field (in Chinese with its label), message."""
        shown = FieldName(self.field, self.label).worded(language)
        where = f"{self.src_uri}: {shown}: " if self.field else f"{self.src_uri}: "
        return printable(where + problem_text(self.code, self.params, language))

    def __str__(self) -> str:
        return self.text(current_language())


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def printable(text: str) -> str:
    """`text` with control, bidirectional and invisible characters written as escapes (`\\x1b`, `\\u202e`).

    Whatever a file holds, a problem line then prints as what it says on any terminal or page.
    """
    return _UNPRINTABLE.sub(lambda match: _escape(match.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def errors_among(problems: Iterable[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.is_error]


def warnings_among(problems: Iterable[Problem]) -> list[Problem]:
    return [problem for problem in problems if not problem.is_error]


DEFAULT_VENUE_TYPES: tuple[str, ...] = (
    "委员联系点", "委员工作室", "委员活动室", "委员工作站", "协商议事室", "界别议政厅", "乡镇联络组", "其他",
)  # fmt: skip
"""The types a venue's `type` may take (configurable in `mkdocs.yml`)."""

OFFICIAL_FIGURES: tuple[str, ...] = (
    "activities", "consultations", "participants", "members", "problems_solved", "bulletins", "venues",
    "opinions", "projects",
)  # fmt: skip
"""The names of the figures a committee publishes, in the order pages show them."""

FigureValue = int | str
"""An official figure as published: a number, or its text ("百余场", "45场以上")."""


@dataclass(frozen=True)
class Source:
    name: str | None = None
    url: str | None = None
    date: PartialDate | None = None


@dataclass(frozen=True)
class OfficialFigures:
    """One year of the figures a committee published, with where it published them."""

    year: int
    values: tuple[tuple[str, FigureValue], ...]
    """(name, value) in the order of `OFFICIAL_FIGURES`; only the figures the committee stated."""
    source: Source | None = None

    def get(self, name: str) -> FigureValue | None:
        return dict(self.values).get(name)


@dataclass(frozen=True)
class Commendation:
    """The committee's year-end commendation (通报表扬) of one year, as published."""

    year: int
    cases: int | None
    """How many cases were commended (the site may hold fewer of them)."""
    others: tuple[tuple[str, FigureValue], ...] = ()
    """The other commendations, as published: (`优秀委员`, 80), …"""
    source: Source | None = None


@dataclass(frozen=True)
class SubBrand:
    """A sub-brand not tied to one district (e.g. a committee's 一委一品)."""

    name: str
    organisation: str | None = None


@dataclass(frozen=True)
class Brand:
    key: str
    src_uri: str
    name: str
    organisation: str
    slogan: str | None = None
    launched: str | None = None
    order: int | None = None
    matrix: tuple[str, ...] = ()
    """The committee's other brands standing beside this one (品牌矩阵)."""
    sub_brands: tuple[SubBrand, ...] = ()
    figures: tuple[OfficialFigures, ...] = ()
    """Newest year first."""
    commendations: tuple[Commendation, ...] = ()
    """Newest year first."""

    def commendation(self, year: int) -> Commendation | None:
        return next((item for item in self.commendations if item.year == year), None)

    @property
    def url(self) -> str:
        """Where the brand's page is: from its file's path, wherever it sits."""
        return page_url(self.src_uri)


@dataclass(frozen=True)
class District:
    key: str
    src_uri: str
    name: str
    brand_key: str
    sub_brand: str | None = None
    organisation: str | None = None
    order: int | None = None
    partner: bool = False
    """A committee outside the brand that joins its joint cases: a partner, never a sub-brand."""
    figures: tuple[OfficialFigures, ...] = ()

    @property
    def url(self) -> str:
        """Where the district's page is: from its file's path, wherever it sits."""
        return page_url(self.src_uri)

    @property
    def is_sub_brand(self) -> bool:
        """Counted among its brand's sub-brands: it has a sub-brand of its own and is not a partner."""
        return bool(self.sub_brand) and not self.partner

    @property
    def label(self) -> str:
        """The district with its sub-brand, as lists show it: `闽侯县 · 邑起来商量`."""
        return f"{self.name} · {self.sub_brand}" if self.sub_brand else self.name


@dataclass(frozen=True)
class Venue:
    """A place where members meet residents: a contact point, a work station, a studio…"""

    key: str
    src_uri: str
    name: str
    type: str
    district_key: str
    opened: PartialDate | None = None
    address: str | None = None

    @property
    def url(self) -> str:
        return page_url(self.src_uri)


@dataclass(frozen=True)
class Case:
    src_uri: str
    url: str
    title: str
    date: PartialDate
    district_keys: tuple[str, ...]
    brand_key: str
    format: str
    summary: str
    status: str = DEFAULT_STAGE
    venue: str | None = None
    tags: tuple[str, ...] = ()
    members: int | None = None
    participants: int | None = None
    departments: tuple[str, ...] = ()
    problems_solved: int | None = None
    reports: tuple[str, ...] = ()
    highlight_year: int | None = None
    cover: str | None = None
    source: Source | None = None
    draft: bool = False
    stages: tuple[tuple[str, PartialDate], ...] = ()
    """When each stage was reached, in stage order (only the stages the editor dated)."""
    partners: tuple[str, ...] = ()
    """Committees outside the site that took part."""
    venue_key: str | None = None
    """When `venue` names a venue page: its key (`venue` is then the venue's name)."""

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def is_resolved(self) -> bool:
        """The case reached the last stage, 落实 (implemented)."""
        return self.status == STAGES[-1]

    @property
    def is_joint(self) -> bool:
        return len(self.district_keys) > 1

    @property
    def stage_index(self) -> int:
        """Position of `status` in `STAGES`, 0 for 选题 … 5 for 落实."""
        return STAGES.index(self.status)


@dataclass(frozen=True)
class Page:
    """Any other content file the catalogue knows of (home, roundup, highlights prose, page)."""

    src_uri: str
    kind: Kind
    year: int | None = None


@dataclass
class Catalogue:
    """Everything loaded from one content tree. Cases are published ones only."""

    brands: dict[str, Brand] = field(default_factory=dict)
    districts: dict[str, District] = field(default_factory=dict)
    venues: dict[str, Venue] = field(default_factory=dict)
    cases: list[Case] = field(default_factory=list)
    drafts: list[Case] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    formats: tuple[str, ...] = DEFAULT_FORMATS
    venue_types: tuple[str, ...] = DEFAULT_VENUE_TYPES

    def pages_of(self, kind: Kind) -> list[Page]:
        return [page for page in self.pages if page.kind is kind]
