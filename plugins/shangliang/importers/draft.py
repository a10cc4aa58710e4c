"""A draft case's file: front matter in the contract's names and order, `draft: true`, then the body.

Front matter is written the way `scripts/new_case.py` writes it (`cli.scaffold`): one field a
line as YAML reads it back, lists in brackets, a day as a YAML date and a month or a year as
text (`2023-05`), `source` as its own block. A field whose value was guessed carries a comment
saying so (`district: minhou  # 待确认：据原文“闽侯县”`), so that the editor confirms it where it
stands; `draft: true` says what to do before publishing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import yaml

from shangliang.dates import PartialDate

FIELD_ORDER = (
    "title", "date", "district", "brand", "format", "venue", "tags", "members", "participants", "departments",
    "problems_solved", "status", "summary", "source",
)  # fmt: skip
"""The order in which a draft's fields are written (the contract's order; `draft` comes last)."""

DRAFT_NOTE = "导入的草稿：核对标着“待确认”的各项、补上缺的内容后，删去这一行再发布"


@dataclass(frozen=True)
class Draft:
    """One case to write: its front matter values (by field), its body, and what to confirm."""

    values: Mapping[str, object]
    """At least title, date (a `PartialDate`), district (a key, or a tuple of keys) and format."""
    body: str
    notes: Mapping[str, str] = field(default_factory=dict)
    """field → what the editor should check about it (`待确认：据原文“闽侯县”`)."""

    @property
    def title(self) -> str:
        return str(self.values["title"])

    @property
    def date(self) -> PartialDate:
        date = self.values["date"]
        assert isinstance(date, PartialDate)
        return date


def draft_text(draft: Draft) -> str:
    """The whole file: front matter (`draft: true` last), a blank line, the body."""
    lines = [
        _yaml_line(name, _yaml_value(_one_district_as_key(name, draft.values[name])), draft.notes.get(name, ""))
        for name in FIELD_ORDER
        if draft.values.get(name) not in (None, "", (), [], {})
    ]
    lines.append(_yaml_line("draft", True, DRAFT_NOTE))
    body = draft.body.strip()
    return "---\n" + "".join(lines) + "---\n\n" + (body + "\n" if body else "")


def _one_district_as_key(name: str, value: object) -> object:
    """`district: minhou` for one district, a list only for a joint case (as `new_case.py` writes it)."""
    if name == "district" and isinstance(value, (tuple, list)) and len(value) == 1:
        return value[0]
    return value


def _yaml_value(value: object) -> object:
    """A value as YAML should write it: a day as a date, a month or year as its text, tuples as lists."""
    if isinstance(value, PartialDate):
        return value.first_day if value.precision == "day" else value.isoformat()
    if isinstance(value, (tuple, list)):
        return [_yaml_value(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _yaml_value(item) for key, item in value.items() if item not in (None, "")}
    return value


def _yaml_line(name: str, value: object, note: str) -> str:
    """`name: value` as YAML reads it back; a list in brackets; a mapping as a block; a note as a comment."""
    if isinstance(value, dict):
        text = yaml.safe_dump({name: value}, allow_unicode=True, default_flow_style=False, sort_keys=False,
                              width=10_000)  # fmt: skip
    else:
        flow = None if isinstance(value, list) else False
        text = yaml.safe_dump({name: value}, allow_unicode=True, default_flow_style=flow, width=10_000)
    if not note:
        return text
    comment = " ".join(note.split())
    first, _, rest = text.partition("\n")
    if rest.strip():  # the value goes on over several lines: the note stands above it
        return f"# {comment}\n{text}"
    return f"{first}  # {comment}\n"
