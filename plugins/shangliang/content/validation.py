"""Front matter to typed values: one function per page kind, collecting problems.

Each `validate_*` takes a `reading.Document` and returns the typed value (or
None when a required field is unusable) together with the problems found.
Checks that need the whole tree (do keys exist, do URLs clash) live in
`catalogue`; checks here look at one file only.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from typing import Any

from shangliang.content.fields import (
    EARLIEST_YEAR,
    HIDE_VALUES,
    KEY_PATTERN,
    LATEST_YEAR,
    LAUNCHED_PATTERN,
    REFUSED_FIELDS,
    Fields,
    file_key,
    read_source,
    show,
)
from shangliang.content.figures import read_commendations, read_figures
from shangliang.content.limits import (
    CONTROL,
    DEFAULT_BOUNDS,
    Bounds,
    bidi_control,
    control_character,
    is_invisible,
    strings_of,
)
from shangliang.content.markdown_text import first_paragraph
from shangliang.content.reading import Document
from shangliang.dates import PartialDate
from shangliang.messages import Phrase, phrase
from shangliang.model import (
    DEFAULT_STAGE,
    STAGES,
    Brand,
    Case,
    District,
    Problem,
    Severity,
    SubBrand,
    Venue,
)

BRAND_FIELDS = frozenset(
    {"name", "organisation", "slogan", "launched", "order", "matrix", "sub_brands", "figures", "commendations"}
)
DISTRICT_FIELDS = frozenset({"name", "brand", "sub_brand", "organisation", "order", "partner", "figures"})
VENUE_FIELDS = frozenset({"name", "type", "district", "opened", "address", "order"})
SUB_BRAND_FIELDS = frozenset({"name", "organisation"})
SUB_BRAND_SLIP = re.compile(r"^\s*(?:name|organisation)\s*：")
"""A sub-brand read as text because its field was written with a full-width colon (`- name：想方设法`)."""
CASE_FIELDS = frozenset(
    {
        "title", "date", "district", "brand", "format", "venue", "tags", "members",
        "participants", "departments", "problems_solved", "status", "reports",
        "highlight", "summary", "cover", "source", "draft", "stages", "partners",
    }
)  # fmt: skip
def _checked_key(fields: Fields) -> str | None:
    key = file_key(fields.document.src_uri)
    if not KEY_PATTERN.match(key):
        fields.error("file name", "file-name-not-key", key=key)
        return None
    return key


def validate_brand(document: Document) -> tuple[Brand | None, list[Problem]]:
    fields = Fields(document, "brand")
    key = _checked_key(fields)
    name = fields.text("name", required=True)
    organisation = fields.text("organisation", required=True)
    slogan = fields.text("slogan")
    launched = _launched(fields)
    order = fields.whole_number("order", minimum=None)
    matrix = fields.text_list("matrix")
    sub_brands = _sub_brands(fields)
    figures = read_figures(fields)
    commendations = read_commendations(fields)
    fields.unknown_fields(BRAND_FIELDS)
    if key is None or name is None or organisation is None:
        return None, fields.problems
    brand = Brand(
        key, document.src_uri, name, organisation, slogan, launched, order,
        matrix=matrix, sub_brands=sub_brands, figures=figures, commendations=commendations,
    )  # fmt: skip
    return brand, fields.problems


def _sub_brands(fields: Fields) -> tuple[SubBrand, ...]:
    value = fields.meta.get("sub_brands")
    if value is None:
        return ()
    if not isinstance(value, list):
        fields.error("sub_brands", "sub-brands-not-list", got=show(value))
        return ()
    found = []
    for position, item in enumerate(value, start=1):
        if isinstance(item, str) and SUB_BRAND_SLIP.match(item) and fields.slips_in("sub_brands"):
            continue
        if isinstance(item, str) and item.strip():
            found.append(SubBrand(item.strip()))
        elif isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
            fields.unknown_fields(SUB_BRAND_FIELDS, prefix=f"sub_brands[{position}].", meta=item)
            organisation = item.get("organisation")
            if organisation is not None and not isinstance(organisation, str):
                fields.error(f"sub_brands[{position}].organisation", "not-text", got=show(organisation))
                organisation = None
            found.append(SubBrand(item["name"].strip(), organisation.strip() if organisation else None))
        else:
            fields.error(f"sub_brands[{position}]", "sub-brand-not-name", got=show(item))
    return tuple(found)


def _launched(fields: Fields) -> str | None:
    value = fields.meta.get("launched")
    if value is None:
        return None
    match = LAUNCHED_PATTERN.match(str(value).strip()) if not isinstance(value, bool) else None
    if not match or (match.group(2) and not 1 <= int(match.group(2)) <= 12):
        fields.error("launched", "not-year-or-month", got=show(value))
        return None
    return str(value).strip()


def validate_district(document: Document) -> tuple[District | None, list[Problem]]:
    fields = Fields(document, "district")
    key = _checked_key(fields)
    name = fields.text("name", required=True)
    brand_key = fields.required_key("brand", "expect-brand-key")
    sub_brand = fields.text("sub_brand")
    organisation = fields.text("organisation")
    order = fields.whole_number("order", minimum=None)
    partner = fields.boolean("partner")
    figures = read_figures(fields)
    fields.unknown_fields(DISTRICT_FIELDS)
    if key is None or name is None or brand_key is None:
        return None, fields.problems
    district = District(
        key, document.src_uri, name, brand_key, sub_brand, organisation, order, partner=partner, figures=figures
    )
    return district, fields.problems


def validate_venue(document: Document, *, types: tuple[str, ...]) -> tuple[Venue | None, list[Problem]]:
    """A venue on its own; that its district exists is checked by `catalogue`."""
    fields = Fields(document, "venue")
    key = _checked_key(fields)
    name = fields.text("name", required=True)
    venue_type = fields.choice("type", types)
    district_key = fields.required_key("district", "expect-venue-district-key")
    opened = fields.date("opened")
    address = fields.text("address")
    fields.unknown_fields(VENUE_FIELDS)
    if key is None or name is None or venue_type is None or district_key is None:
        return None, fields.problems
    return Venue(key, document.src_uri, name, venue_type, district_key, opened, address), fields.problems


def validate_case(
    document: Document,
    *,
    url: str,
    formats: tuple[str, ...],
    bounds: Bounds = DEFAULT_BOUNDS,
    today: dt.date | None = None,
) -> tuple[Case | None, list[Problem]]:
    """Validate one case on its own; keys of districts and brands are checked by `catalogue`."""
    fields = Fields(document, "case")
    title = fields.text("title", required=True)
    date = fields.date("date", required=True)
    if date is not None:
        _not_far_ahead(fields, date, bounds, today or dt.date.today())
    district_keys = _district_keys(fields)
    brand_value = fields.meta.get("brand")
    brand_key = fields.key("brand", brand_value) if brand_value not in (None, "") else None
    format_ = fields.choice("format", formats)
    stages = _stages(fields)
    status = _status(fields, stages)
    highlight_year = _highlight_year(fields, date)
    summary = fields.text("summary") or CONTROL.sub("", first_paragraph(document.body))
    venue = fields.text("venue")
    tags = fields.text_list("tags")
    members = fields.whole_number("members", maximum=bounds.members)
    participants = fields.whole_number("participants", maximum=bounds.participants)
    departments = fields.text_list("departments")
    problems_solved = fields.whole_number("problems_solved", maximum=bounds.problems_solved)
    reports = fields.text_list("reports")
    cover = fields.text("cover")
    source = read_source(fields)
    draft = fields.boolean("draft")
    partners = fields.text_list("partners")
    fields.unknown_fields(CASE_FIELDS)
    if title is None or date is None or not district_keys:
        return None, fields.problems
    case = Case(
        src_uri=document.src_uri,
        url=url,
        title=title,
        date=date,
        district_keys=district_keys,
        # Until `catalogue` resolves it, an absent brand is "" (the first district's brand).
        brand_key=brand_key or "",
        format=format_ or "",
        summary=summary,
        status=status,
        venue=venue,
        tags=tags,
        members=members,
        participants=participants,
        departments=departments,
        problems_solved=problems_solved,
        reports=reports,
        highlight_year=highlight_year,
        cover=cover,
        source=source,
        draft=draft,
        stages=stages,
        partners=partners,
    )
    return case, fields.problems


def _stages(fields: Fields) -> tuple[tuple[str, PartialDate], ...]:
    """`stages:` — stage → date, in stage order, each no later than the stages after it."""
    value = fields.meta.get("stages")
    if value is None:
        return ()
    if not isinstance(value, dict):
        fields.not_fields("stages", "stages-not-mapping", value)
        return ()
    dated: dict[str, PartialDate] = {}
    for name, when in value.items():
        if name not in STAGES:
            fields.error(f"stages.{name}", "unknown-stage", got=show(name), stages="、".join(STAGES))
            continue
        date = fields.date(f"stages.{name}", value=when) if when not in (None, "") else None
        if when in (None, ""):
            fields.error(f"stages.{name}", "stage-date-missing", expected=phrase("date-forms"))
        if date is not None:
            dated[name] = date
    ordered = tuple((stage, dated[stage]) for stage in STAGES if stage in dated)
    for (earlier, earlier_date), (later, later_date) in pairwise(ordered):
        if earlier_date.first_day > later_date.last_day:
            fields.error(
                f"stages.{earlier}", "stages-out-of-order", earlier=earlier, earlier_date=str(earlier_date),
                later=later, later_date=str(later_date), order="→".join(STAGES),
            )  # fmt: skip
    return ordered


def _status(fields: Fields, stages: tuple[tuple[str, PartialDate], ...]) -> str:
    """The furthest stage: `status` as written, or else the last stage dated in `stages`, or else 协商."""
    last_dated = stages[-1][0] if stages else None
    status = fields.choice("status", STAGES, default=last_dated or DEFAULT_STAGE) or DEFAULT_STAGE
    if last_dated is not None and "status" in fields.meta and STAGES.index(status) < STAGES.index(last_dated):
        fields.error("status", "status-before-stage", status=status, last=last_dated)
    return status


def _district_keys(fields: Fields) -> tuple[str, ...]:
    value = fields.meta.get("district")
    if value is None or value == "" or value == []:
        fields.error("district", "missing-required", expected=phrase("expect-district-keys"))
        return ()
    if fields.list_slip("district", value, Severity.ERROR):
        return ()
    values = value if isinstance(value, list) else [value]
    keys: list[str] = []
    for item in values:
        key = fields.key("district", item)
        if key is not None and key not in keys:
            keys.append(key)
    return tuple(keys)


def _highlight_year(fields: Fields, date: PartialDate | None) -> int | None:
    value = fields.meta.get("highlight")
    if value is None or value is False:
        return None
    if value is True:
        return date.year if date else None
    if isinstance(value, int) and not isinstance(value, bool) and EARLIEST_YEAR <= value <= LATEST_YEAR:
        if date is not None and value < date.year:
            fields.error("highlight", "highlight-before-date", year=value, case_year=date.year)
            return None
        return value
    fields.error("highlight", "not-highlight-year", got=show(value))
    return None


def _not_far_ahead(fields: Fields, date: PartialDate, bounds: Bounds, today: dt.date) -> None:
    if (date.first_day - today).days > bounds.future_days:
        fields.warning("date", "future-date", date=date.isoformat(), today=today.isoformat())


def check_any_page(document: Document, *, required: tuple[str, ...] = (), kind: str | None = None) -> list[Problem]:
    """What every content file's front matter must respect, whatever its kind.

    Refused fields; control characters (errors), bidirectional controls (warnings) and
    text made only of invisible characters (an error in a `required` field, else a warning)
    in any value; `hide` limited to what Material knows.
    """
    fields = Fields(document, kind)
    for name, why in REFUSED_FIELDS.items():
        if name in document.meta:
            fields.error(name, "field-not-allowed", why=phrase(why))
    for path, text in strings_of(document.meta):
        control = control_character(text)
        if control is not None:
            fields.error(path, "control-character", what=control.what, where=_offset(text, control))
        bidi = bidi_control(text)
        if bidi is not None:
            fields.warning(path, "bidi-control", what=bidi.what, where=_offset(text, bidi))
        if is_invisible(text):
            (fields.error if path in required else fields.warning)(path, "invisible-text")
    hide = document.meta.get("hide")
    if hide is not None:
        values = hide if isinstance(hide, list) else [hide]
        unknown = [value for value in values if value not in HIDE_VALUES]
        if unknown:
            fields.warning("hide", "unknown-hide-value", got=show(unknown[0]), allowed=", ".join(HIDE_VALUES))
    return fields.problems


def _offset(text: str, finding: Any) -> Phrase:
    """Where a finding is in a value: its character position, with the line when the value has several."""
    if "\n" not in text:
        return phrase("at-position", position=finding.column)
    return phrase("at-position-of-line", position=finding.column, line=finding.line)


