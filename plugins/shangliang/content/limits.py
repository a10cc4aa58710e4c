"""What a content file may hold before it is refused: bounds that keep every build quick and every page honest.

A hostile or mistaken file must cost a build a few seconds at most, never minutes or
gigabytes, and must never slip control or invisible characters into what readers see.
These checks look at one file's text; each finds `Finding`s that `reading` and
`validation` turn into problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_FILE_BYTES = 1024 * 1024
"""A content file larger than this (1 MiB; a long case is about 10 KB) is refused."""

MAX_NESTING = 20
"""How deeply lists and block quotes may nest in a Markdown body."""

MAX_INLINE_MARKS = 2_000
"""How many inline marks (`[`, `*`, `_`, `` ` ``, `<`) one paragraph may hold: Markdown's inline
parser takes time growing with the square of their number (100,000 links: minutes)."""

MAX_YAML_DEPTH = 20
"""How deeply front matter values may nest (lists in mappings in lists …)."""

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters (NUL, BEL, ESC …): never text a reader should get. Tab and line breaks are allowed."""

BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
"""Bidirectional embedding, override and isolate characters, which can make text read differently than it is."""

INVISIBLE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff\u00ad\u180e]+")
"""Whitespace and zero-width characters: text made only of these is blank to a reader."""

# A list item or block quote marker at the start of a line (after indentation).
_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)]|>)(?=[ \t]|$)[ \t]*")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


@dataclass(frozen=True)
class Finding:
    line: int
    """1-based line of the body (or of the field's value)."""
    column: int
    what: str


def control_character(text: str) -> Finding | None:
    """The first control character in `text`, if any (line and column 1-based)."""
    match = CONTROL.search(text)
    if match is None:
        return None
    line, column = _position(text, match.start())
    return Finding(line, column, f"U+{ord(match.group()):04X}")


def bidi_control(text: str) -> Finding | None:
    match = BIDI_CONTROLS.search(text)
    if match is None:
        return None
    line, column = _position(text, match.start())
    return Finding(line, column, f"U+{ord(match.group()):04X}")


def is_invisible(text: str) -> bool:
    """True for text that holds zero-width characters and nothing a reader can see."""
    return INVISIBLE.fullmatch(text) is not None and any(char in _ZERO_WIDTH for char in text)


_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")


def too_deep(body: str, limit: int = MAX_NESTING) -> Finding | None:
    """The first line of `body` whose lists or block quotes nest deeper than `limit`.

    A level is a marker (`- `, `1. `, `> `) at the line's start, or four columns of
    indentation before one (Markdown's nesting step). Lines inside fenced code are text.
    """
    for number, line in lines_outside_code(body):
        depth = _depth(line)
        if depth > limit:
            return Finding(number, 1, str(depth))
    return None


_INLINE_MARK = re.compile(r"[\[*_`<]")
_ITEM_START = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]|\|")


def too_much_inline(body: str, limit: int = MAX_INLINE_MARKS) -> Finding | None:
    """The first paragraph (its first line) of `body` holding more than `limit` inline marks."""
    count, start = 0, None
    for number, line in lines_outside_code(body):
        stripped = line.strip()
        if not stripped or _ITEM_START.match(stripped):  # a blank line, a list item or a table row: a new run
            count, start = 0, None
        if not stripped:
            continue
        start = start or number
        count += len(_INLINE_MARK.findall(line))
        if count > limit:
            return Finding(start, 1, f"{count:,}+ marks")
    return None


def lines_outside_code(body: str) -> Iterator[tuple[int, str]]:
    """(1-based number, line) of every line of a Markdown body outside fenced code blocks."""
    fence: str | None = None
    for number, line in enumerate(body.splitlines(), start=1):
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        yield number, line


def _depth(line: str) -> int:
    expanded = line.expandtabs(4)
    stripped = expanded.lstrip(" ")
    indent = len(expanded) - len(stripped)
    markers = 0
    position = 0
    while True:
        match = _MARKER.match(stripped, position)
        if match is None or match.end() == position:
            break
        markers += 1
        position = match.end()
    return markers + (indent // 4 if markers else 0)


def yaml_depth_exceeds(value: object, limit: int = MAX_YAML_DEPTH) -> bool:
    """True when lists and mappings in `value` nest deeper than `limit` (walked without recursion)."""
    stack: list[tuple[object, int]] = [(value, 0)]
    seen: set[int] = set()
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict | list):
            if id(item) in seen:  # an alias: its depth is already being walked
                continue
            seen.add(id(item))
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def yaml_text_too_deep(text: str, limit: int = MAX_YAML_DEPTH) -> bool:
    """True when YAML text nests brackets (`[[[…`, `{{{…`) or indentation deeper than `limit`.

    Looked at before the text is parsed: a YAML parser nests as deep as the text does, and
    a hundred thousand brackets crash it.
    """
    depth = 0
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if len(line) - len(stripped) > 8 * limit:
            return True
        quote = ""  # a quote opened in plain text (it's) must not hide the brackets of the lines after it
        for char in line:
            if quote:
                if char == quote:
                    quote = ""
            elif char in "'\"":
                quote = char
            elif char == "#":
                break
            elif char in "[{":
                depth += 1
                if depth > limit:
                    return True
            elif char in "]}":
                depth = max(0, depth - 1)
    return False


def strings_of(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every text in a front matter value with the field it sits in (`source.name`, `tags[2]`: items are
    counted from 1, as editors count them and as messages name them, 第2项)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_of(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for position, item in enumerate(value, start=1):
            yield from strings_of(item, f"{path}[{position}]")


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


@dataclass(frozen=True)
class Bounds:
    """The largest plausible figures of one case, and how far ahead a date may be (configurable).

    A figure beyond its bound is almost always a slip (an extra digit, a phone number in
    the wrong field); a committee whose cases are larger raises the bound in `mkdocs.yml`.
    """

    members: int = 10_000
    participants: int = 1_000_000
    problems_solved: int = 10_000
    future_days: int = 31
    """A date more than this many days after the build is a warning."""

    def of(self, field: str) -> int | None:
        return {"members": self.members, "participants": self.participants,
                "problems_solved": self.problems_solved}.get(field)  # fmt: skip


OPTION_OF_BOUND = {
    "members": "max_members", "participants": "max_participants", "problems_solved": "max_problems_solved"
}
"""The `mkdocs.yml` option that sets each bound."""


DEFAULT_BOUNDS = Bounds()
