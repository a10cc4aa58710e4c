"""The district, brand, venue and format a text names, found among the site's own names.

`guess_fields(text, catalogue)` looks for what the catalogue knows, nothing else:

- a district by its name (`闽侯县`, or `闽侯` without the 县/区/市), its sub-brand (`邑起来商量`),
  its committee (`闽侯县政协`), or a venue of the district (`甘蔗街道委员联系点`);
- a brand by its name, its own sub-brands (`想方设法`) or its committee (`福州市政协`);
- a venue by its name; a format by its name (`微协商`, `委员进小院`).

Each `Guess` holds the words that made it and how often each was found (most often first); the candidate named
most often wins (the first named, on a tie), the others are listed beside it. Where a longer
name and a shorter one overlap (`闽侯县政协`, `闽侯县`), the longer one counts. A field that
nothing names has no guess: none is ever made up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from shangliang.model import Catalogue, District

SHORT_NAME_ENDINGS = "省市区县旗"
"""A district named `闽侯县` is also found as `闽侯` (two characters at least remain)."""


@dataclass(frozen=True)
class Evidence:
    words: str
    count: int

    def __str__(self) -> str:
        return f"“{self.words}”" + (f"×{self.count}" if self.count > 1 else "")


@dataclass(frozen=True)
class Candidate:
    value: str
    """A key (district, brand, venue) or a format's name."""
    name: str
    """How the site names it: `闽侯县`, `榕你来商量`."""
    evidence: tuple[Evidence, ...]
    first_position: int

    @property
    def mentions(self) -> int:
        return sum(item.count for item in self.evidence)

    @property
    def shown(self) -> str:
        return self.value if self.value == self.name else f"{self.value}（{self.name}）"


@dataclass(frozen=True)
class Guess:
    field: str
    chosen: Candidate
    others: tuple[Candidate, ...] = ()

    @property
    def value(self) -> str:
        return self.chosen.value

    @property
    def words(self) -> str:
        """`“闽侯县”×2、“邑起来商量”`: what made the guess."""
        return "、".join(str(item) for item in self.chosen.evidence)


@dataclass(frozen=True)
class Guesses:
    district: Guess | None
    brand: Guess | None
    venue: Guess | None
    format: Guess | None

    def of(self, field: str) -> Guess | None:
        return {"district": self.district, "brand": self.brand, "venue": self.venue, "format": self.format}[field]


@dataclass(frozen=True)
class _Name:
    words: str
    value: str


def guess_fields(text: str, catalogue: Catalogue) -> Guesses:
    """What `text` names of the catalogue's districts, brands, venues and formats."""
    usable = {key: district for key, district in catalogue.districts.items() if district.brand_key in catalogue.brands}
    district_names = [name for district in usable.values() for name in district_words(district)]
    district_names += [
        _Name(venue.name, venue.district_key) for venue in catalogue.venues.values() if venue.district_key in usable
    ]
    brand_names = [
        _Name(words, brand.key)
        for brand in catalogue.brands.values()
        for words in (brand.name, brand.organisation, *(sub.name for sub in brand.sub_brands))
    ]
    venue_names = [_Name(venue.name, venue.key) for venue in catalogue.venues.values()]
    format_names = [_Name(name, name) for name in catalogue.formats]
    return Guesses(
        district=_guess("district", text, district_names, {key: d.name for key, d in usable.items()}),
        brand=_guess("brand", text, brand_names, {key: brand.name for key, brand in catalogue.brands.items()}),
        venue=_guess("venue", text, venue_names, {key: venue.name for key, venue in catalogue.venues.items()}),
        format=_guess("format", text, format_names, {name: name for name in catalogue.formats}),
    )


def district_words(district: District) -> list[_Name]:
    """The words that name a district: name, short name, sub-brand, committee."""
    words = [district.name, district.sub_brand or "", district.organisation or ""]
    if district.name[-1:] in SHORT_NAME_ENDINGS and len(district.name) >= 3:
        words.append(district.name[:-1])
    return [_Name(item.strip(), district.key) for item in words if len(item.strip()) >= 2]


def _guess(field: str, text: str, names: Iterable[_Name], shown: dict[str, str]) -> Guess | None:
    found = _mentions(text, names)
    if not found:
        return None
    candidates = []
    for value, mentions in found.items():
        counts: dict[str, int] = {}
        for _, words in mentions:  # in text order: a tie keeps the words named first first
            counts[words] = counts.get(words, 0) + 1
        ordered = sorted(counts.items(), key=lambda item: -item[1])
        evidence = tuple(Evidence(words, count) for words, count in ordered)
        candidates.append(Candidate(value, shown.get(value, value), evidence, min(pos for pos, _ in mentions)))
    candidates.sort(key=lambda candidate: (-candidate.mentions, candidate.first_position))
    return Guess(field, candidates[0], tuple(candidates[1:]))


def _mentions(text: str, names: Iterable[_Name]) -> dict[str, list[tuple[int, str]]]:
    """Every non-overlapping mention, longest words first: value → [(position, words)], in text order."""
    spans: list[tuple[int, int, _Name]] = []
    for name in sorted({(item.words, item.value): item for item in names}.values(), key=lambda n: -len(n.words)):
        for match in re.finditer(re.escape(name.words), text):
            start, end = match.span()
            if not any(start < taken_end and taken_start < end for taken_start, taken_end, _ in spans):
                spans.append((start, end, name))
    found: dict[str, list[tuple[int, str]]] = {}
    for start, _, name in sorted(spans, key=lambda span: span[0]):
        found.setdefault(name.value, []).append((start, name.words))
    return found
