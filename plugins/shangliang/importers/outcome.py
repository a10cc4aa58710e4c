"""What importing one page or one ledger row came to: a draft (or why none), and what the editor should know.

A `Finding` is one line of the report about one field: a guess to confirm, a value the command's
defaults supplied, a field the source lacks, a value that could not be mapped. The scripts print
them; `label` names each field by its key and its Chinese label (`district（区县）`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from shangliang.cli.scaffold import InvalidValue, parse_choice, parse_districts, usable_districts
from shangliang.importers.draft import Draft
from shangliang.messages.labels import label_of
from shangliang.model import Catalogue


class Finding(str, Enum):
    GUESS = "待确认"
    """A value read or guessed from the source: the editor confirms it."""
    DEFAULT = "默认值"
    """The source gives none; the value given to the command was used."""
    MISSING = "未找到"
    """The source gives none; the field is left out (the editor fills it if it is known)."""
    NOT_MAPPED = "未能写入"
    """The source gives a value that is not allowed; it is left out (and kept in the body's note)."""


@dataclass(frozen=True)
class Note:
    kind: Finding
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.kind.value}  {label(self.field)}：{self.message}"


@dataclass(frozen=True)
class Outcome:
    """One source (a page, a row): its draft, or the reason there is none, and the notes about it."""

    origin: str
    """`cqrb.html`, `台账.xlsx 第5行`."""
    draft: Draft | None
    notes: tuple[Note, ...] = ()
    refusal: str = ""
    """Why no draft could be made ("" when there is one)."""


@dataclass(frozen=True)
class Defaults:
    """What the command was given for sources that name none (already checked against the site)."""

    district_keys: tuple[str, ...] = ()
    format: str | None = None

    @classmethod
    def checked(
        cls, districts: Sequence[str] | None, format_: str | None, catalogue: Catalogue, formats: Sequence[str]
    ) -> Defaults:
        """`--district` keys and a `--format` as given; `InvalidValue` naming the option when one is not the site's."""
        keys: tuple[str, ...] = ()
        if districts:
            try:
                keys = parse_districts(districts, usable_districts(catalogue))
            except InvalidValue as error:
                raise InvalidValue(f"--district：{error}") from None
        try:
            chosen = parse_choice(format_, formats) if format_ is not None else None
        except InvalidValue as error:
            raise InvalidValue(f"--format：{error}") from None
        return cls(keys, chosen)


def label(field: str) -> str:
    """`district（区县）`, `source.url（来源·网址）`: a field by its key and Chinese label."""
    name = label_of(field, "case")
    return f"{field}（{name}）" if name else field
