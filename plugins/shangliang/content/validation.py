"""Front matter to typed values: one function per page kind, collecting problems.

Each `validate_*` takes a `reading.Document` and returns the typed value (or
None when a required field is unusable) together with the problems found.
Checks that need the whole tree (do keys exist, do URLs clash) live in
`catalogue`; checks here look at one file only.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from shangliang.content.limits import (
    DEFAULT_BOUNDS,
    OPTION_OF_BOUND,
    Bounds,
    bidi_control,
    control_character,
    is_invisible,
    strings_of,
)
from shangliang.content.markdown_text import first_paragraph
from shangliang.content.reading import Document
from shangliang.model import (
    DEFAULT_STAGE,
    STAGES,
    Brand,
    Case,
    District,
    Problem,
    Severity,
    Source,
)

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LAUNCHED_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_EARLIEST_YEAR, _LATEST_YEAR = 1949, 2100

# Keys MkDocs and Material read from any page; allowed everywhere without a warning (and shown escaped).
THEME_FIELDS = frozenset({"title", "description", "author", "hide", "search", "subtitle", "kind", "tags"})
REFUSED_FIELDS = {
    "template": "shangliang chooses each page's layout itself; delete this line",
    "icon": "pages of this site have no icons; delete this line",
}
"""Keys MkDocs or Material would act on that no editor needs: they could pull any file of the theme
into a page, or stop the build. Refused in every file."""
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")
BRAND_FIELDS = frozenset({"name", "organisation", "slogan", "launched", "order"})
DISTRICT_FIELDS = frozenset({"name", "brand", "sub_brand", "organisation", "order"})
CASE_FIELDS = frozenset(
    {
        "title", "date", "district", "brand", "format", "venue", "tags", "members",
        "participants", "departments", "problems_solved", "status", "reports",
        "highlight", "summary", "cover", "source", "draft",
    }
)  # fmt: skip
SOURCE_FIELDS = frozenset({"name", "url", "date"})


class _Fields:
    """Reads fields of one front matter, remembering every problem it meets."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.meta = document.meta
        self.problems: list[Problem] = []

    # -- reporting -------------------------------------------------------

    def error(self, field: str, message: str, code: str = "") -> None:
        self.problems.append(Problem(self.document.src_uri, field, message, code=code))

    def warning(self, field: str, message: str, code: str = "") -> None:
        self.problems.append(Problem(self.document.src_uri, field, message, Severity.WARNING, code=code))

    def unknown_fields(self, known: frozenset[str], prefix: str = "", meta: dict | None = None) -> None:
        allowed = known | THEME_FIELDS if not prefix else known
        for name in (meta if meta is not None else self.meta):
            if name in allowed:
                continue
            close = difflib.get_close_matches(name, sorted(allowed), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "known fields: " + ", ".join(sorted(known))
            self.warning(prefix + name, f"unknown field, ignored ({hint})")

    # -- typed readers ---------------------------------------------------

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self.meta.get(name)
        if isinstance(value, str) and is_invisible(value):
            return None  # reported by `check_any_page` (an error when required)
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            if required:
                self.error(name, "missing (required: a line of text)")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(name, f"expected a line of text (got {_show(value)})")
            return None
        return str(value).strip()

    def whole_number(self, name: str, *, minimum: int | None = 0, maximum: int | None = None) -> int | None:
        value = self.meta.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(name, f"expected a whole number (got {_show(value)})")
            return None
        if minimum is not None and value < minimum:
            self.error(name, f"must be {minimum} or more (got {value})")
            return None
        if maximum is not None and value > maximum:
            option = OPTION_OF_BOUND.get(name, "")
            raise_it = f"; if the figure is right, raise {option} in mkdocs.yml" if option else ""
            self.error(name, f"implausible: more than {maximum:,} (got {_show(value)}){raise_it}", "implausible-number")
            return None
        return value

    def text_list(self, name: str) -> tuple[str, ...]:
        value = self.meta.get(name)
        if value is None:
            return ()
        if not isinstance(value, list):
            example = value if isinstance(value, str) else "甲, 乙"
            self.error(name, f"expected a list (got {_show(value)}; write it as [{example}])")
            return ()
        items: list[str] = []
        for position, item in enumerate(value, start=1):
            if item is None or isinstance(item, (bool, dict, list)):
                self.error(name, f"item {position} must be text (got {_show(item)})")
                continue
            text = str(item).strip()
            if text and text not in items:
                items.append(text)
        return tuple(items)

    def date(self, name: str, *, required: bool = False, value: Any = None) -> dt.date | None:
        value = self.meta.get(name) if value is None else value
        if value is None or value == "":
            if required:
                self.error(name, "missing (required: a date written YYYY-MM-DD)")
            return None
        return parse_date(value, lambda message: self.error(name, message))

    def boolean(self, name: str) -> bool:
        value = self.meta.get(name, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error(name, f"expected true or false (got {_show(value)})")
            return False
        return value

    def choice(self, name: str, allowed: tuple[str, ...], *, default: str | None = None) -> str | None:
        value = self.meta.get(name)
        if value is None or value == "":
            if default is None:
                self.error(name, "missing (required: one of " + "、".join(allowed) + ")")
            return default
        text = str(value).strip()
        if text not in allowed:
            self.error(name, f"not allowed (got {_show(value)}; expected one of " + "、".join(allowed) + ")")
            return default
        return text

    def key(self, name: str, value: Any) -> str | None:
        if not isinstance(value, str) or not KEY_PATTERN.match(value):
            self.error(
                name,
                f"not a key (got {_show(value)}; expected the file name of a page, "
                "lowercase letters, digits and hyphens, e.g. minhou)",
            )
            return None
        return value


def parse_date(value: Any, report: Any) -> dt.date | None:
    """A `YYYY-MM-DD` value as a date; otherwise `report(message)` and None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not _DATE_PATTERN.match(text):
        report(f"not a date (got {_show(value)}; expected YYYY-MM-DD)")
        return None
    try:
        parsed = dt.date.fromisoformat(text)
    except ValueError:
        report(f"not a date (got {_show(value)}; expected YYYY-MM-DD)")
        return None
    if not _EARLIEST_YEAR <= parsed.year <= _LATEST_YEAR:
        report(f"year out of range (got {parsed.year}; expected {_EARLIEST_YEAR}–{_LATEST_YEAR})")
        return None
    return parsed


def file_key(src_uri: str) -> str:
    """The key of a brand or district page: its file name without `.md`."""
    return src_uri.rsplit("/", 1)[-1].removesuffix(".md")


def _checked_key(fields: _Fields) -> str | None:
    key = file_key(fields.document.src_uri)
    if not KEY_PATTERN.match(key):
        fields.error(
            "file name",
            f"'{key}' cannot be a key: rename the file using lowercase letters, digits and "
            "hyphens (usually pinyin, e.g. minhou.md)",
        )
        return None
    return key


def validate_brand(document: Document) -> tuple[Brand | None, list[Problem]]:
    fields = _Fields(document)
    key = _checked_key(fields)
    name = fields.text("name", required=True)
    organisation = fields.text("organisation", required=True)
    slogan = fields.text("slogan")
    launched = _launched(fields)
    order = fields.whole_number("order", minimum=None)
    fields.unknown_fields(BRAND_FIELDS)
    if key is None or name is None or organisation is None:
        return None, fields.problems
    return Brand(key, document.src_uri, name, organisation, slogan, launched, order), fields.problems


def _launched(fields: _Fields) -> str | None:
    value = fields.meta.get("launched")
    if value is None:
        return None
    match = _LAUNCHED_PATTERN.match(str(value).strip()) if not isinstance(value, bool) else None
    if not match or (match.group(2) and not 1 <= int(match.group(2)) <= 12):
        fields.error("launched", f"expected a year or a month (got {_show(value)}; expected YYYY or YYYY-MM)")
        return None
    return str(value).strip()


def validate_district(document: Document) -> tuple[District | None, list[Problem]]:
    fields = _Fields(document)
    key = _checked_key(fields)
    name = fields.text("name", required=True)
    brand_value = fields.meta.get("brand")
    brand_key = None
    if brand_value is None or brand_value == "":
        fields.error("brand", "missing (required: the key of the parent brand, e.g. rong)")
    else:
        brand_key = fields.key("brand", brand_value)
    sub_brand = fields.text("sub_brand")
    organisation = fields.text("organisation")
    order = fields.whole_number("order", minimum=None)
    fields.unknown_fields(DISTRICT_FIELDS)
    if key is None or name is None or brand_key is None:
        return None, fields.problems
    district = District(key, document.src_uri, name, brand_key, sub_brand, organisation, order)
    return district, fields.problems


def validate_case(
    document: Document,
    *,
    url: str,
    formats: tuple[str, ...],
    bounds: Bounds = DEFAULT_BOUNDS,
    today: dt.date | None = None,
) -> tuple[Case | None, list[Problem]]:
    """Validate one case on its own; keys of districts and brands are checked by `catalogue`."""
    fields = _Fields(document)
    title = fields.text("title", required=True)
    date = fields.date("date", required=True)
    if date is not None:
        _not_far_ahead(fields, date, bounds, today or dt.date.today())
    district_keys = _district_keys(fields)
    brand_value = fields.meta.get("brand")
    brand_key = fields.key("brand", brand_value) if brand_value not in (None, "") else None
    format_ = fields.choice("format", formats)
    status = fields.choice("status", STAGES, default=DEFAULT_STAGE) or DEFAULT_STAGE
    highlight_year = _highlight_year(fields, date)
    summary = fields.text("summary") or first_paragraph(document.body)
    venue = fields.text("venue")
    tags = fields.text_list("tags")
    members = fields.whole_number("members", maximum=bounds.members)
    participants = fields.whole_number("participants", maximum=bounds.participants)
    departments = fields.text_list("departments")
    problems_solved = fields.whole_number("problems_solved", maximum=bounds.problems_solved)
    reports = fields.text_list("reports")
    cover = fields.text("cover")
    source = _source(fields)
    draft = fields.boolean("draft")
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
    )
    return case, fields.problems


def _district_keys(fields: _Fields) -> tuple[str, ...]:
    value = fields.meta.get("district")
    if value is None or value == "" or value == []:
        fields.error("district", "missing (required: a district key, or a list of keys for a joint case)")
        return ()
    values = value if isinstance(value, list) else [value]
    keys: list[str] = []
    for item in values:
        key = fields.key("district", item)
        if key is not None and key not in keys:
            keys.append(key)
    return tuple(keys)


def _highlight_year(fields: _Fields, date: dt.date | None) -> int | None:
    value = fields.meta.get("highlight")
    if value is None or value is False:
        return None
    if value is True:
        return date.year if date else None
    if isinstance(value, int) and not isinstance(value, bool) and _EARLIEST_YEAR <= value <= _LATEST_YEAR:
        if date is not None and value < date.year:
            fields.error(
                "highlight", f"the year of commendation ({value}) is before the case itself ({date.year}): "
                "a case is commended in its own year or later", "highlight-before-date",
            )  # fmt: skip
            return None
        return value
    fields.error(
        "highlight",
        f"expected the year the case was commended, true or false (got {_show(value)})",
    )
    return None


def _not_far_ahead(fields: _Fields, date: dt.date, bounds: Bounds, today: dt.date) -> None:
    if (date - today).days > bounds.future_days:
        fields.warning(
            "date", f"{date.isoformat()} is more than a month after today ({today.isoformat()}): "
            "a case is published after its consultation; check the year", "future-date",
        )  # fmt: skip


def check_any_page(document: Document, *, required: tuple[str, ...] = ()) -> list[Problem]:
    """What every content file's front matter must respect, whatever its kind.

    Refused fields; control characters (errors), bidirectional controls (warnings) and
    text made only of invisible characters (an error in a `required` field, else a warning)
    in any value; `hide` limited to what Material knows.
    """
    fields = _Fields(document)
    for name, why in REFUSED_FIELDS.items():
        if name in document.meta:
            fields.error(name, f"not allowed: {why}", "field-not-allowed")
    for path, text in strings_of(document.meta):
        control = control_character(text)
        if control is not None:
            fields.error(path, f"a control character ({control.what}) at position {_offset(text, control)}: "
                         "it is not text a reader can see; delete it", "control-character")  # fmt: skip
        bidi = bidi_control(text)
        if bidi is not None:
            fields.warning(path, f"a text-direction control character ({bidi.what}) at position "
                           f"{_offset(text, bidi)}: it can make the text read differently than it is; "
                           "delete it", "bidi-control")  # fmt: skip
        if is_invisible(text):
            message = "shows nothing: it holds only invisible (zero-width) characters; write the text"
            if path in required:
                fields.error(path, message, "invisible-text")
            else:
                fields.warning(path, message, "invisible-text")
    hide = document.meta.get("hide")
    if hide is not None:
        values = hide if isinstance(hide, list) else [hide]
        unknown = [value for value in values if value not in HIDE_VALUES]
        if unknown:
            fields.warning("hide", f"unknown value, ignored (got {_show(unknown[0])}; expected any of "
                           + ", ".join(HIDE_VALUES) + ")")  # fmt: skip
    return fields.problems


def _offset(text: str, finding: Any) -> str:
    """Where a finding is in a value: its character position, with the line when the value has several."""
    return f"{finding.column}" if "\n" not in text else f"{finding.column} of its line {finding.line}"


def _source(fields: _Fields) -> Source | None:
    value = fields.meta.get("source")
    if value is None:
        return None
    if not isinstance(value, dict):
        fields.error("source", f"expected name, url and date lines under it (got {_show(value)})")
        return None
    fields.unknown_fields(SOURCE_FIELDS, prefix="source.", meta=value)
    name = value.get("name")
    url = value.get("url")
    if name is not None and not isinstance(name, (str, int)):
        fields.error("source.name", f"expected a line of text (got {_show(name)})")
        name = None
    if url is not None and not (isinstance(url, str) and re.match(r"^https?://\S+$", url.strip())):
        fields.error("source.url", f"expected a web address starting with http:// or https:// (got {_show(url)})")
        url = None
    date = fields.date("source.date", value=value.get("date")) if value.get("date") else None
    return Source(str(name).strip() if name is not None else None, url.strip() if url else None, date)


def _show(value: Any) -> str:
    """A value as an editor wrote it, short, for messages."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if value is True or value is False:
        return str(value).lower()
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
