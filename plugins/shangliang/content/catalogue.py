"""Loading a whole content tree into a `Catalogue`, with every problem of the tree.

`load_catalogue` is the one entry point: it reads each Markdown file, works out
its kind from its path (or an explicit `kind:`), validates it, then checks what
needs the whole tree: keys that must exist, covers that must exist, URLs that
must not clash, folder years that should match dates.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from shangliang.content.fields import KEY_PATTERN, show
from shangliang.content.limits import DEFAULT_BOUNDS, Bounds
from shangliang.content.markup import empty_section_problem, empty_sections, unsafe_markup, unsafe_markup_problem
from shangliang.content.reading import Document, NotTextError, ReadError, read_document
from shangliang.content.recovery import readable_text, recover_title
from shangliang.content.validation import (
    check_any_page,
    validate_brand,
    validate_case,
    validate_district,
    validate_venue,
)
from shangliang.messages import Param, Params, phrase
from shangliang.model import (
    DEFAULT_FORMATS,
    DEFAULT_VENUE_TYPES,
    Brand,
    Case,
    Catalogue,
    District,
    Kind,
    Page,
    Problem,
    Severity,
    errors_among,
    warnings_among,
)
from shangliang.urls import page_url

_YEAR = re.compile(r"^\d{4}$")
EXPLICIT_KINDS = ("brand", "district", "venue", "case", "roundup", "page")


@dataclass
class LoadResult:
    catalogue: Catalogue
    problems: list[Problem]
    kinds: dict[str, Kind] = field(default_factory=dict)
    """The kind of every Markdown file read, by `src_uri`."""
    not_text: set[str] = field(default_factory=set)
    """Files that are not UTF-8 text (reported as errors), by `src_uri`."""
    not_rendered: set[str] = field(default_factory=set)
    """Files whose body must never be rendered (unreadable front matter, too deep, control
    characters, too large): the build shows their problems in place of their text."""
    titles: dict[str, str] = field(default_factory=dict)
    """The `title` of every file that states one, by `src_uri` (for navigation); of a file whose front
    matter cannot be read, the title it means (`recovery`)."""
    case_meta: dict[str, dict] = field(default_factory=dict, repr=False)
    """Front matter of every case file, for the checks that need the whole tree."""

    def warned_unsafe(self, src_uri: str) -> bool:
        """Whether the file's body was found to hold markup the sanitizer removes."""
        return any(problem.src_uri == src_uri and problem.code == "unsafe-html" for problem in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return errors_among(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return warnings_among(self.problems)


def kind_from_path(src_uri: str) -> Kind:
    """The kind a file's folder names; folder names are read in any case (`Cases/` is `cases/`)."""
    parts = src_uri.lower().split("/")
    name = parts[-1]
    if parts == ["index.md"]:
        return Kind.HOME
    if name == "index.md":
        return Kind.PAGE
    top = parts[0]
    if top == "brands" and len(parts) == 2:
        return Kind.BRAND
    if top == "districts" and len(parts) == 2:
        return Kind.DISTRICT
    if top == "venues" and len(parts) == 2:
        return Kind.VENUE
    if top == "cases" and len(parts) >= 2:
        return Kind.CASE
    if top == "roundups" and len(parts) == 2:
        return Kind.ROUNDUP
    if top == "highlights" and len(parts) == 2:
        return Kind.HIGHLIGHTS
    return Kind.PAGE


def load_catalogue(
    markdown_files: Iterable[tuple[str, bytes]],
    *,
    other_uris: Iterable[str] = (),
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    venue_types: tuple[str, ...] = DEFAULT_VENUE_TYPES,
    read: Callable[[str, bytes], Document] = read_document,
    bounds: Bounds = DEFAULT_BOUNDS,
    today: dt.date | None = None,
    found_before: Iterable[Problem] = (),
) -> LoadResult:
    """Read and validate every `(src_uri, bytes)` Markdown file of a content tree.

    `other_uris` are the tree's other files (images, …), so covers can be checked.
    `read` reads one file (a preview passes one that remembers unchanged files).
    `bounds`: the largest plausible figures; `today`: the build's day (for dates far ahead).
    `found_before`: problems found while listing the files (links leaving the folder).
    """
    checks = _Checks(formats, bounds, today or dt.date.today())
    result = LoadResult(Catalogue(formats=formats, venue_types=venue_types), list(found_before))
    known_uris = set(other_uris)
    cases: list[Case] = []
    urls: dict[str, str] = {}
    for src_uri, raw in sorted(markdown_files):
        known_uris.add(src_uri)
        _claim_url(src_uri, urls, result.problems)
        try:
            document = read(src_uri, raw)
        except ReadError as error:
            result.problems.extend(error.problems(src_uri))
            result.not_rendered.add(src_uri)
            if isinstance(error, NotTextError):
                result.not_text.add(src_uri)
            if (recovered := recover_title(readable_text(raw))) is not None:  # the preview's page and nav show it
                result.titles[src_uri] = recovered
            kind = kind_from_path(src_uri)
            result.kinds[src_uri] = kind
            continue
        kind = _kind(document, result.problems)
        for body_problem in document.body_problems:
            result.problems.append(body_problem.problem(src_uri))
            result.not_rendered.add(src_uri)
        title = document.meta.get("title")
        if isinstance(title, (str, int)) and not isinstance(title, bool):
            result.titles[src_uri] = str(title)
        result.kinds[src_uri] = kind
        result.problems.extend(check_any_page(document, required=REQUIRED_TEXT.get(kind, ()), kind=kind.value))
        result.problems.extend(
            unsafe_markup_problem(src_uri, found) for found in unsafe_markup(document.body, document.body_line)
        )  # fmt: skip
        if kind is Kind.CASE:
            result.problems.extend(
                empty_section_problem(src_uri, section) for section in empty_sections(document.body, document.body_line)
            )
        _add(document, kind, result, cases, checks)
    catalogue = result.catalogue
    _check_case_references(result, catalogue)
    _check_districts_in_tree(catalogue, result.problems)
    for case in cases:
        checked = _check_case_in_tree(case, catalogue, known_uris, result.problems)
        if checked is not None:
            (catalogue.drafts if checked.draft else catalogue.cases).append(checked)
    catalogue.cases.sort(key=newest_first)
    catalogue.drafts.sort(key=newest_first)
    result.problems.sort(key=lambda problem: (problem.src_uri, not problem.is_error))
    return result


def newest_first(case: Case) -> tuple[int, int, int, str]:
    """Sort key: newest date first, then by file, so every list has one stable order.

    A date without a day comes after the days of its month it contains, and a year alone
    after every date of that year (see `dates.PartialDate`).
    """
    date = case.date
    return (-date.year, -date.month, -date.day, case.src_uri)


def _claim_url(src_uri: str, urls: dict[str, str], problems: list[Problem]) -> None:
    url = page_url(src_uri)
    other = urls.setdefault(url, src_uri)
    if other != src_uri:
        problems.append(Problem(src_uri, "", code="same-url", params={"url": url, "other": other}))


def _kind(document: Document, problems: list[Problem]) -> Kind:
    explicit = document.meta.get("kind")
    if explicit is None:
        return kind_from_path(document.src_uri)
    if explicit not in EXPLICIT_KINDS:
        params = {"got": show(explicit), "allowed": ", ".join(EXPLICIT_KINDS)}
        line = document.field_lines.get("kind")
        problems.append(Problem(document.src_uri, "kind", code="unknown-kind", params=params, line=line))
        return kind_from_path(document.src_uri)
    return Kind(explicit)


@dataclass(frozen=True)
class _Checks:
    formats: tuple[str, ...]
    bounds: Bounds
    today: dt.date


REQUIRED_TEXT = {
    Kind.CASE: ("title",), Kind.BRAND: ("name", "organisation"), Kind.DISTRICT: ("name",), Kind.VENUE: ("name",)
}
"""Text fields a reader must be able to see, by kind (invisible text there is an error)."""


def _add(document: Document, kind: Kind, result: LoadResult, cases: list[Case], checks: _Checks) -> None:
    catalogue, problems, src_uri = result.catalogue, result.problems, document.src_uri
    if kind is Kind.CASE:
        if not document.has_front_matter:
            problems.append(Problem(src_uri, "front matter", code="case-without-front-matter", line=1))
            return
        result.case_meta[src_uri] = document.meta
        case, found = validate_case(
            document, url=page_url(src_uri), formats=checks.formats, bounds=checks.bounds, today=checks.today
        )
        problems.extend(found)
        if case is not None:
            cases.append(case)
    elif kind is Kind.BRAND:
        brand, found = validate_brand(document)
        problems.extend(found)
        if brand is not None and _key_is_free(brand.key, "brand", catalogue.brands, src_uri, problems):
            catalogue.brands[brand.key] = brand
    elif kind is Kind.DISTRICT:
        district, found = validate_district(document)
        problems.extend(found)
        if district is not None and _key_is_free(district.key, "district", catalogue.districts, src_uri, problems):
            catalogue.districts[district.key] = district
    elif kind is Kind.VENUE:
        venue, found = validate_venue(document, types=catalogue.venue_types)
        problems.extend(found)
        if venue is not None and _key_is_free(venue.key, "venue", catalogue.venues, src_uri, problems):
            catalogue.venues[venue.key] = venue
    else:
        catalogue.pages.append(Page(src_uri, kind, _year_of(src_uri, kind, problems)))


def _key_is_free(key: str, kind: str, taken: dict, src_uri: str, problems: list[Problem]) -> bool:
    existing = taken.get(key)
    if existing is None:
        return True
    params: Params = {"what": phrase(f"kind-{kind}"), "key": key, "other": existing.src_uri}
    problems.append(Problem(src_uri, "file name", code="key-taken", params=params))
    return False


def _year_of(src_uri: str, kind: Kind, problems: list[Problem]) -> int | None:
    if kind not in (Kind.ROUNDUP, Kind.HIGHLIGHTS):
        return None
    stem = posixpath.basename(src_uri).removesuffix(".md")
    if not _YEAR.match(stem):
        example = f"{posixpath.dirname(src_uri)}/2024.md"
        params: Params = {"what": phrase(f"kind-{kind.value}"), "example": example}
        problems.append(Problem(src_uri, "file name", code="file-not-named-by-year", params=params))
        return None
    return int(stem)


def _check_case_in_tree(
    case: Case, catalogue: Catalogue, known_uris: set[str], problems: list[Problem]
) -> Case | None:
    """Resolve the case's brand and check its cover and folder; None if its keys are unknown."""
    src_uri = case.src_uri
    if any(key not in catalogue.districts for key in case.district_keys):
        return None  # reported by _check_case_references
    brand_key = case.brand_key or catalogue.districts[case.district_keys[0]].brand_key
    if brand_key not in catalogue.brands:
        return None  # reported on the case, or on its district when the brand was inherited
    if case.venue and KEY_PATTERN.match(case.venue):
        venue = catalogue.venues.get(case.venue)
        if venue is None:
            params = {"got": show(case.venue), "known": _keys(catalogue.venues)}
            problems.append(Problem(src_uri, "venue", code="unknown-venue", params=params, kind="case"))
        else:
            case = replace(case, venue=venue.name, venue_key=venue.key)
    if case.cover:
        cover_uri = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), case.cover))
        if cover_uri not in known_uris:
            params = {"got": show(case.cover), "looked_for": cover_uri}
            problems.append(Problem(src_uri, "cover", code="cover-missing", params=params, kind="case"))
            case = replace(case, cover=None)
    folder = src_uri.split("/")[1] if src_uri.count("/") >= 2 else ""
    if src_uri.lower().startswith("cases/"):
        if not _YEAR.match(folder):
            problems.append(Problem(src_uri, "", code="case-outside-year-folder", params={"year": case.year}))
        elif int(folder) != case.year:
            params = {"year": case.year, "folder": folder}
            problems.append(Problem(src_uri, "date", code="folder-year-differs", params=params,
                                    severity=Severity.WARNING, kind="case"))  # fmt: skip
    return replace(case, brand_key=brand_key)


def _check_case_references(result: LoadResult, catalogue: Catalogue) -> None:
    """Every district and brand key a case names must exist, even when the case has other errors."""
    for src_uri, meta in result.case_meta.items():
        districts = meta.get("district")
        for key in districts if isinstance(districts, list) else [districts]:
            if isinstance(key, str) and key and key not in catalogue.districts:
                params = {"got": show(key), "known": _keys(catalogue.districts)}
                result.problems.append(Problem(src_uri, "district", code="unknown-district", params=params,
                                               kind="case"))  # fmt: skip
        brand = meta.get("brand")
        if isinstance(brand, str) and brand and brand not in catalogue.brands:
            params = {"got": show(brand), "known": _keys(catalogue.brands)}
            result.problems.append(Problem(src_uri, "brand", code="unknown-brand", params=params, kind="case"))


def _check_districts_in_tree(catalogue: Catalogue, problems: list[Problem]) -> None:
    for district in catalogue.districts.values():
        if district.brand_key not in catalogue.brands:
            params = {"got": show(district.brand_key), "known": _keys(catalogue.brands)}
            problems.append(Problem(district.src_uri, "brand", code="unknown-brand", params=params, kind="district"))
    for key, venue in list(catalogue.venues.items()):
        if venue.district_key not in catalogue.districts:
            params = {"got": show(venue.district_key), "known": _keys(catalogue.districts)}
            problems.append(Problem(venue.src_uri, "district", code="unknown-district", params=params, kind="venue"))
            del catalogue.venues[key]


def _keys(mapping: Mapping[str, object]) -> Param:
    return ", ".join(sorted(mapping)) if mapping else phrase("no-keys-yet")


def sorted_brands(brands: Iterable[Brand]) -> list[Brand]:
    return sorted(brands, key=lambda brand: (brand.order is None, brand.order or 0, brand.key))


def sorted_districts(districts: Iterable[District]) -> list[District]:
    return sorted(districts, key=lambda district: (district.order is None, district.order or 0, district.key))
