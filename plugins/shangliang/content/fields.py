"""Reading the fields of one front matter into typed values, collecting every problem met.

`Fields` is the one place where loose YAML values become text, numbers, lists, dates,
keys and sources, each with a message naming the field and what is allowed. The
per-kind checks (`validation`, `figures`) are written with it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from shangliang.content.limits import CONTROL, OPTION_OF_BOUND, is_invisible
from shangliang.content.reading import Document
from shangliang.dates import PartialDate
from shangliang.model import Problem, Severity, Source

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LAUNCHED_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
EARLIEST_YEAR, LATEST_YEAR = 1949, 2100

# Keys MkDocs and Material read from any page; allowed everywhere without a warning (and shown escaped).
THEME_FIELDS = frozenset({"title", "description", "author", "hide", "search", "subtitle", "kind", "tags"})
REFUSED_FIELDS = {
    "template": "shangliang chooses each page's layout itself; delete this line",
    "icon": "pages of this site have no icons; delete this line",
}
"""Keys MkDocs or Material would act on that no editor needs: they could pull any file of the theme
into a page, or stop the build. Refused in every file."""
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")
SOURCE_FIELDS = frozenset({"name", "url", "date"})


class Fields:
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
            self.error(name, f"expected a line of text (got {show(value)})")
            return None
        return CONTROL.sub("", str(value)).strip()  # control characters: reported by `check_any_page`

    def whole_number(self, name: str, *, minimum: int | None = 0, maximum: int | None = None) -> int | None:
        value = self.meta.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(name, f"expected a whole number (got {show(value)})")
            return None
        if minimum is not None and value < minimum:
            self.error(name, f"must be {minimum} or more (got {value})")
            return None
        if maximum is not None and value > maximum:
            option = OPTION_OF_BOUND.get(name, "")
            raise_it = f"; if the figure is right, raise {option} in mkdocs.yml" if option else ""
            self.error(name, f"implausible: more than {maximum:,} (got {show(value)}){raise_it}", "implausible-number")
            return None
        return value

    def text_list(self, name: str) -> tuple[str, ...]:
        value = self.meta.get(name)
        if value is None:
            return ()
        if not isinstance(value, list):
            example = value if isinstance(value, str) else "甲, 乙"
            self.error(name, f"expected a list (got {show(value)}; write it as [{example}])")
            return ()
        items: list[str] = []
        for position, item in enumerate(value, start=1):
            if item is None or isinstance(item, (bool, dict, list)):
                self.error(name, f"item {position} must be text (got {show(item)})")
                continue
            text = CONTROL.sub("", str(item)).strip()
            if text and text not in items:
                items.append(text)
        return tuple(items)

    def date(self, name: str, *, required: bool = False, value: Any = None) -> PartialDate | None:
        value = self.meta.get(name) if value is None else value
        if value is None or value == "":
            if required:
                self.error(name, f"missing (required: a date written {DATE_EXPECTED})")
            return None
        return parse_date(value, lambda message: self.error(name, message))

    def boolean(self, name: str) -> bool:
        value = self.meta.get(name, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error(name, f"expected true or false (got {show(value)})")
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
            self.error(name, f"not allowed (got {show(value)}; expected one of " + "、".join(allowed) + ")")
            return default
        return text

    def required_key(self, name: str, what: str) -> str | None:
        """A key the field must hold; `what` says which (`the key of the parent brand, e.g. rong`)."""
        value = self.meta.get(name)
        if value is None or value == "":
            self.error(name, f"missing (required: {what})")
            return None
        return self.key(name, value)

    def key(self, name: str, value: Any) -> str | None:
        if not isinstance(value, str) or not KEY_PATTERN.match(value):
            self.error(
                name,
                f"not a key (got {show(value)}; expected the file name of a page, "
                "lowercase letters, digits and hyphens, e.g. minhou)",
            )
            return None
        return value


DATE_EXPECTED = "YYYY-MM-DD, or YYYY-MM or YYYY when the source gives no day"


def parse_date(value: Any, report: Any, *, partial: bool = True) -> PartialDate | None:
    """A date as precise as written (`2024-06-18`, `2024-06`, `2024`); otherwise `report(message)` and None.

    `partial=False`: a day is required.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate.of_day(value)
    expected = DATE_EXPECTED if partial else "YYYY-MM-DD"
    if isinstance(value, bool) or not isinstance(value, str | int):
        report(f"not a date (got {show(value)}; expected {expected})")
        return None
    try:
        parsed = PartialDate.parse(str(value))
    except ValueError:
        report(f"not a date (got {show(value)}; expected {expected})")
        return None
    if not partial and parsed.precision != "day":
        report(f"not a day (got {show(value)}; expected {expected})")
        return None
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        report(f"year out of range (got {parsed.year}; expected {EARLIEST_YEAR}–{LATEST_YEAR})")
        return None
    return parsed


def file_key(src_uri: str) -> str:
    """The key of a brand or district page: its file name without `.md`."""
    return src_uri.rsplit("/", 1)[-1].removesuffix(".md")


_MISSING = object()


def read_source(fields: Fields, path: str = "source", value: Any = _MISSING) -> Source | None:
    """Where something was published: `name`, `url` (http or https) and `date`, under `path`."""
    if value is _MISSING:
        value = fields.meta.get(path)
    if value is None:
        return None
    if not isinstance(value, dict):
        fields.error(path, f"expected name, url and date lines under it (got {show(value)})")
        return None
    fields.unknown_fields(SOURCE_FIELDS, prefix=f"{path}.", meta=value)
    name = value.get("name")
    url = value.get("url")
    if name is not None and not isinstance(name, (str, int)):
        fields.error(f"{path}.name", f"expected a line of text (got {show(name)})")
        name = None
    if url is not None and not (isinstance(url, str) and re.match(r"^https?://\S+$", url.strip())):
        fields.error(f"{path}.url", f"expected a web address starting with http:// or https:// (got {show(url)})")
        url = None
    date = fields.date(f"{path}.date", value=value.get("date")) if value.get("date") else None
    return Source(str(name).strip() if name is not None else None, url.strip() if url else None, date)


def show(value: Any) -> str:
    """A value as an editor wrote it, short, for messages."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if value is True or value is False:
        return str(value).lower()
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
