"""Reading the fields of one front matter into typed values, collecting every problem met.

`Fields` is the one place where loose YAML values become text, numbers, lists, dates,
keys and sources, each problem with its code and what it found (worded by `shangliang.messages`). The
per-kind checks (`validation`, `figures`) are written with it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from typing import Any

from shangliang.content.limits import CONTROL, OPTION_OF_BOUND, is_invisible
from shangliang.content.reading import Document
from shangliang.content.slips import block_slips, list_value_slip
from shangliang.dates import PartialDate
from shangliang.messages import FieldName, Param, Params, label_of, phrase
from shangliang.model import Problem, Severity, Source

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LAUNCHED_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
EARLIEST_YEAR, LATEST_YEAR = 1949, 2100

# Keys MkDocs and Material read from any page; allowed everywhere without a warning (and shown escaped).
THEME_FIELDS = frozenset({"title", "description", "author", "hide", "search", "subtitle", "kind", "tags"})
REFUSED_FIELDS = {"template": "refused-template", "icon": "refused-icon"}
"""Keys MkDocs or Material would act on that no editor needs: they could pull any file of the theme
into a page, or stop the build. Refused in every file (the phrase says why)."""
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")
SOURCE_FIELDS = frozenset({"name", "url", "date"})


class Fields:
    """Reads fields of one front matter, remembering every problem it meets.

    `kind` (`case`, `brand`…) chooses the labels its problems name fields with.
    """

    def __init__(self, document: Document, kind: str | None = None) -> None:
        self.document = document
        self.meta = document.meta
        self.kind = kind
        self.problems: list[Problem] = []
        self._slip_lines: set[int] = set()

    # -- reporting -------------------------------------------------------

    def error(self, field: str, code: str, **params: Param) -> None:
        self.report(field, code, params, Severity.ERROR)

    def warning(self, field: str, code: str, **params: Param) -> None:
        self.report(field, code, params, Severity.WARNING)

    def report(self, field: str, code: str, params: Params, severity: Severity, line: int | None = None) -> None:
        line = line if line is not None else self.document.field_lines.get(top_key(field))
        self.problems.append(Problem(
            self.document.src_uri, field, code=code, params=params, severity=severity, line=line, kind=self.kind
        ))  # fmt: skip

    def unknown_fields(self, known: frozenset[str], prefix: str = "", meta: dict | None = None) -> None:
        allowed = known | THEME_FIELDS if not prefix else known
        for name in (meta if meta is not None else self.meta):
            if name in allowed:
                continue
            close = difflib.get_close_matches(name, sorted(allowed), n=1, cutoff=0.6)
            hint = (phrase("did-you-mean", name=FieldName(close[0], label_of(prefix + close[0], self.kind)))
                    if close else phrase("known-fields", names=", ".join(sorted(known))))  # fmt: skip
            self.warning(prefix + name, "unknown-field", hint=hint)

    # -- typed readers ---------------------------------------------------

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self.meta.get(name)
        if isinstance(value, str) and is_invisible(value):
            return None  # reported by `check_any_page` (an error when required)
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            if required:
                self.error(name, "missing-required", expected=phrase("expect-text"))
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(name, "not-text", got=show(value))
            return None
        return CONTROL.sub("", str(value)).strip()  # control characters: reported by `check_any_page`

    def whole_number(self, name: str, *, minimum: int | None = 0, maximum: int | None = None) -> int | None:
        value = self.meta.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(name, "not-whole-number", got=show(value))
            return None
        if minimum is not None and value < minimum:
            self.error(name, "number-too-small", minimum=minimum, got=show(value))
            return None
        if maximum is not None and value > maximum:
            option = OPTION_OF_BOUND.get(name, f"max_{name}")
            self.error(name, "implausible-number", maximum=maximum, got=show(value), option=option)
            return None
        return value

    def text_list(self, name: str) -> tuple[str, ...]:
        value = self.meta.get(name)
        if value is None:
            return ()
        slip = self.list_slip(name, value, Severity.ERROR if not isinstance(value, list) else Severity.WARNING)
        if not isinstance(value, list):
            if not slip:
                example = value if isinstance(value, str) else "甲, 乙"
                self.error(name, "not-a-list", got=show(value), example=example)
            return ()
        items: list[str] = []
        for position, item in enumerate(value, start=1):
            if item is None or isinstance(item, (bool, dict, list)):
                self.error(name, "list-item-not-text", position=position, got=show(item))
                continue
            text = CONTROL.sub("", str(item)).strip()
            if text and text not in items:
                items.append(text)
        return tuple(items)

    def list_slip(self, name: str, value: Any, severity: Severity) -> bool:
        """Report a list field that a keyboard slip made something else (`【甲，乙】`, `[甲，乙]`); True if so."""
        line = self.document.field_lines.get(name)
        if line is None:
            return False
        slip = list_value_slip(value, self.document.written_line(name), line)
        if slip is None:
            return False
        self.report(name, slip.code, slip.params, severity, line=slip.line)
        return True

    def not_fields(self, path: str, code: str, value: Any) -> None:
        """Report that `path` should hold `name: value` lines but holds `value`: as the keyboard slips that
        made it so (`source:` then `  name：人民政协报`), or else as `code`."""
        if not _has_full_width_colon(value) or not self.slips_in(path):
            self.error(path, code, got=show(value))

    def slips_in(self, path: str) -> bool:
        """Report the keyboard slips in the lines of the top-level field of `path` (each once); True if any."""
        line = self.document.field_lines.get(top_key(path))
        if line is None:
            return False
        slips = block_slips(self.document.front_matter, self.document.front_matter_line, line)
        for slip in slips:
            if slip.line not in self._slip_lines:
                self._slip_lines.add(slip.line)
                self.report(top_key(path), slip.code, slip.params, Severity.ERROR, line=slip.line)
        return bool(slips)

    def date(self, name: str, *, required: bool = False, value: Any = None) -> PartialDate | None:
        value = self.meta.get(name) if value is None else value
        if value is None or value == "":
            if required:
                self.error(name, "missing-required", expected=phrase("expect-date", forms=phrase("date-forms")))
            return None
        return parse_date(value, lambda code, params: self.report(name, code, params, Severity.ERROR))

    def boolean(self, name: str) -> bool:
        value = self.meta.get(name, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error(name, "not-true-or-false", got=show(value))
            return False
        return value

    def choice(self, name: str, allowed: tuple[str, ...], *, default: str | None = None) -> str | None:
        value = self.meta.get(name)
        if value is None or value == "":
            if default is None:
                self.error(name, "missing-required", expected=phrase("expect-one-of", allowed="、".join(allowed)))
            return default
        text = str(value).strip()
        if text not in allowed:
            self.error(name, "not-allowed-value", got=show(value), allowed="、".join(allowed))
            return default
        return text

    def required_key(self, name: str, expected: str) -> str | None:
        """A key the field must hold; `expected` is the phrase saying which (`expect-brand-key`)."""
        value = self.meta.get(name)
        if value is None or value == "":
            self.error(name, "missing-required", expected=phrase(expected))
            return None
        return self.key(name, value)

    def key(self, name: str, value: Any) -> str | None:
        if not isinstance(value, str) or not KEY_PATTERN.match(value):
            self.error(name, "not-a-key", got=show(value))
            return None
        return value


_LOOSE_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?\s*$")


def _loose_date(text: str) -> str | None:
    """`2024-06-01` for `2024-6-1`, `2024/6/1`, `2024.6.1` or `2024年6月1日` (None when it is no such date)."""
    found = _LOOSE_DATE.match(text)
    if found is None:
        return None
    year, month, day = found.group(1), int(found.group(2)), found.group(3)
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year}-{month:02d}"
    try:
        return dt.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


Report = Callable[[str, Params], None]
"""Called as `report(code, params)` with a problem of a value."""


def parse_date(value: Any, report: Report, *, partial: bool = True) -> PartialDate | None:
    """A date as precise as written (`2024-06-18`, `2024-06`, `2024`); otherwise `report(code, params)` and None.

    `partial=False`: a day is required.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate.of_day(value)
    expected = phrase("date-forms" if partial else "day-form")
    if isinstance(value, bool) or not isinstance(value, str | int):
        report("not-a-date", {"got": show(value), "expected": expected})
        return None
    try:
        parsed = PartialDate.parse(str(value))
    except ValueError:
        suggestion = _loose_date(str(value))
        if suggestion is not None:
            report("date-loose-form", {"got": show(value), "suggestion": suggestion})
        else:
            report("not-a-date", {"got": show(value), "expected": expected})
        return None
    if not partial and parsed.precision != "day":
        report("not-a-day", {"got": show(value)})
        return None
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        report("year-out-of-range", {"year": parsed.year, "earliest": EARLIEST_YEAR, "latest": LATEST_YEAR})
        return None
    return parsed


def _has_full_width_colon(value: Any) -> bool:
    if isinstance(value, str):
        return "：" in value
    return isinstance(value, list) and any(isinstance(item, str) and "：" in item for item in value)


def top_key(path: str) -> str:
    """The top-level field of a path: `source.url` → `source`, `tags[2]` → `tags`."""
    return path.split(".", 1)[0].split("[", 1)[0]


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
        fields.not_fields(path, "source-not-fields", value)
        return None
    fields.unknown_fields(SOURCE_FIELDS, prefix=f"{path}.", meta=value)
    name = value.get("name")
    url = value.get("url")
    if name is not None and not isinstance(name, (str, int)):
        fields.error(f"{path}.name", "not-text", got=show(name))
        name = None
    if url is not None and not (isinstance(url, str) and re.match(r"^https?://\S+$", url.strip())):
        fields.error(f"{path}.url", "not-a-web-address", got=show(url))
        url = None
    date = fields.date(f"{path}.date", value=value.get("date")) if value.get("date") else None
    return Source(str(name).strip() if name is not None else None, url.strip() if url else None, date)


def show(value: Any) -> Param:
    """A value as an editor wrote it, short, for messages (a list or a mapping by what it is)."""
    if isinstance(value, list):
        return phrase("shape-list")
    if isinstance(value, dict):
        return phrase("shape-fields")
    if value is True or value is False:
        return str(value).lower()
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
