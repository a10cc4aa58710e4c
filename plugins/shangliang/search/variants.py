"""Traditional and simplified characters of a site's search index, from OpenCC's tables.

A reader may type 路燈 for a page that says 路灯, or 路灯 for a page written in
traditional characters. The browser converts the query before it is cut into words
(`assets/shangliang/search/words.js`), with two small maps written at build time by
`script_maps(words)`, trimmed to what the index holds:

- `to_simplified`: every traditional character whose simplified form (OpenCC `t2s`,
  the conversion of the single character) is a character of the index, and the phrases
  (OpenCC `s2t` of an index word) whose characters alone would convert otherwise;
- `to_traditional`: for the traditional characters the index itself holds (pages written
  in traditional characters), their simplified form → the character, so that a
  simplified query also looks for them.

Only the `opencc` package (pinned) knows the tables; without it both maps are empty and
search works in the script typed. Nothing here is a hand-written list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

__all__ = ["HAN", "ScriptMaps", "han_characters", "script_maps"]

#: The Han characters a search index can hold: CJK Unified Ideographs, Extension A and
#: the compatibility ideographs (the planes above are left out: rare, and slow to scan).
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@dataclass(frozen=True)
class ScriptMaps:
    to_simplified: dict[str, str] = field(default_factory=dict)
    """Traditional character or phrase → simplified."""
    to_traditional: dict[str, str] = field(default_factory=dict)
    """Simplified character → the traditional character the index holds."""
    available: bool = True
    """False when OpenCC is not installed (the maps are then empty)."""


def han_characters(words: Iterable[str]) -> set[str]:
    return {char for word in words for char in HAN.findall(word)}


@cache
def _character_table() -> dict[str, str] | None:
    """Every Han character that OpenCC's t2s changes → its simplified form (one character)."""
    try:
        import opencc
    except ImportError:
        return None
    chars = [chr(code) for start, stop in _RANGES for code in range(start, stop)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # a line break was converted away: not the tables we know
        return None
    return {t: s for t, s in zip(chars, converted, strict=True) if t != s and len(s) == 1}


def _converted(words: list[str], config: str) -> list[str]:
    import opencc

    converted = opencc.OpenCC(config).convert("\n".join(words)).split("\n")
    return converted if len(converted) == len(words) else words


def script_maps(words: Iterable[str]) -> ScriptMaps:
    """The maps for an index holding `words` (Pagefind's words, lowercase)."""
    table = _character_table()
    if table is None:
        return ScriptMaps(available=False)
    words = sorted({word for word in words if HAN.search(word)})
    held = han_characters(words)
    to_simplified = {t: s for t, s in table.items() if s in held}
    # A phrase is needed where the characters alone go wrong: 瞭解 → 了解 (瞭 alone stays),
    # 乾坤 → 乾坤 (乾 alone → 干).
    simplified_words = [word for word, same in zip(words, _converted(words, "t2s"), strict=True) if word == same]
    for word, traditional in zip(simplified_words, _converted(simplified_words, "s2t"), strict=True):
        if "".join(to_simplified.get(char, char) for char in traditional) != word:
            to_simplified[traditional] = word
    to_traditional = {table[char]: char for char in sorted(held) if char in table}
    return ScriptMaps(to_simplified, to_traditional)
