"""What rewriting a roundup would change, read from the file as it is and the file as it would be.

The generated blocks are the Markdown `blocks.render` writes, and this module reads them
back: each block's heading (`## 总体数据`), the figures of its tables (a row's label, a
column's heading, the cell), and the cases it lists by title (its links to case files).
`changes_between` compares the two texts and returns `RoundupChanges`: the figures that
change (old → new), the cases newly listed or no longer listed, and the sections
(blocks) whose text changes. `roundup.py --dry-run` shows them before the diff.

A roundup lists by title only the cases it names (the commended cases, the cases of each
bulletin); a case added or removed elsewhere shows in the figures (案例 3 → 4).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from shangliang.roundup.merge import blocks_of
from shangliang.roundup.writing import NOT_FILLED, ROUNDUP_DIR

DERIVED_COLUMNS = ("占比",)
"""Columns worked out from the others (a share of the year's cases): they change with them, so are not listed."""


@dataclass(frozen=True)
class FigureChange:
    section: str
    """The heading of the block that shows the figure: 总体数据."""
    row: str
    """The row's label as the reader sees it: 案例, 闽侯县 · 邑起来商量, 微协商."""
    column: str
    """The column's heading (2024年, 案例); "" when the table has a single column of figures."""
    old: str | None
    """The figure as shown now (1,967, 未填写); None when the file has no such row or column yet."""
    new: str | None
    """The figure as it would be shown; None when the row or column goes away."""


@dataclass(frozen=True)
class ListedCase:
    title: str
    src_uri: str
    section: str
    """The heading of the block that lists it: 优秀案例, 协商专报."""


@dataclass(frozen=True)
class RoundupChanges:
    created: bool
    """There is no file yet: everything in it is new."""
    figures: tuple[FigureChange, ...]
    added: tuple[ListedCase, ...]
    """Cases the roundup would list that it does not list now."""
    removed: tuple[ListedCase, ...]
    sections: tuple[str, ...]
    """The headings of the blocks whose text would change, in page order."""

    @property
    def unchanged(self) -> bool:
        return not (self.created or self.figures or self.added or self.removed or self.sections)


@dataclass(frozen=True)
class _Block:
    heading: str
    figures: dict[tuple[str, str], str]
    """(row, column) → cell, in table order."""
    single_column: bool
    cases: dict[str, ListedCase]
    """src_uri → the case as listed."""


def changes_between(old_text: str | None, new_text: str, *, src_uri: str) -> RoundupChanges:
    """What writing `new_text` over `old_text` (None: no file yet) changes in the roundup `src_uri`.

    Raises `RoundupFileError` when either text's markers do not pair up.
    """
    old_bodies = blocks_of(old_text, src_uri=src_uri) if old_text is not None else {}
    new_bodies = blocks_of(new_text, src_uri=src_uri)
    old_blocks = {name: _read_block(name, body) for name, body in old_bodies.items()}
    new_blocks = {name: _read_block(name, body) for name, body in new_bodies.items()}
    figures: list[FigureChange] = []
    added: list[ListedCase] = []
    removed: list[ListedCase] = []
    for name, new in new_blocks.items():
        old = old_blocks.get(name)
        figures += _figure_changes(old, new)
        before = old.cases if old is not None else {}
        added += [case for uri, case in new.cases.items() if uri not in before]
        removed += [case for uri, case in before.items() if uri not in new.cases]
    sections = tuple(new_blocks[name].heading for name, body in new_bodies.items() if old_bodies.get(name) != body)
    return RoundupChanges(old_text is None, tuple(figures), tuple(added), tuple(removed), sections)


def _figure_changes(old: _Block | None, new: _Block) -> Iterator[FigureChange]:
    """Every cell that differs; a cell that comes or goes as 未填写 (stated by no case, either way) is no change."""
    before = old.figures if old is not None else {}
    single = new.single_column and (old is None or old.single_column)
    cells = [*new.figures, *(cell for cell in before if cell not in new.figures)]
    for row, column in cells:
        was, now = before.get((row, column)), new.figures.get((row, column))
        if was != now and {was, now} != {None, NOT_FILLED}:
            yield FigureChange(new.heading, row, "" if single else column, was, now)


# --------------------------------------------------------------------------- reading a block back

_HEADING = re.compile(r"^#{2,3} +(.+?) *$", re.MULTILINE)
_SEPARATOR = re.compile(r"^\|(?: *:?-{3,}:? *\|)+ *$")
_CELL_EDGE = re.compile(r"(?<!\\)\|")
_LINK = re.compile(r"\[((?:\\.|[^\\\]])*)\]\(([^)\s]+)\)")
_CHANGE = re.compile(r"（[^（）]*）$")
"""The change from last year after a figure (`8（+2）`), or `（比上年）` after a column's heading."""


def _read_block(name: str, body: str) -> _Block:
    heading = _HEADING.search(body)
    figures: dict[tuple[str, str], str] = {}
    widths: list[int] = []
    for header, rows in _tables(body):
        columns = [_CHANGE.sub("", plain(cell)) for cell in header[1:]]
        kept = [index for index, column in enumerate(columns) if column not in DERIVED_COLUMNS]
        widths.append(len(kept))
        for row in rows:
            label, cells = plain(row[0]), row[1:]
            for index in kept:
                if index < len(cells):
                    figures[label, columns[index]] = _CHANGE.sub("", plain(cells[index]))
    cases: dict[str, ListedCase] = {}
    section = heading.group(1) if heading else name
    for found in _LINK.finditer(body):
        target = posixpath.normpath(posixpath.join(ROUNDUP_DIR, unquote(found.group(2))))
        if target.startswith("cases/") and target not in cases:
            cases[target] = ListedCase(plain(found.group(1)), target, section)
    return _Block(section, figures, widths == [1], cases)


def _tables(body: str) -> Iterator[tuple[list[str], list[list[str]]]]:
    """Each Markdown table of `body`: its header's cells and its rows' cells."""
    lines = body.splitlines()
    for number, line in enumerate(lines[:-1]):
        if line.startswith("|") and _SEPARATOR.match(lines[number + 1]):
            rows = []
            for row in lines[number + 2:]:
                if not row.startswith("|"):
                    break
                rows.append(_cells(row))
            yield _cells(line), rows


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in _CELL_EDGE.split(line.strip())[1:-1]]


def plain(markdown: str) -> str:
    """Inline Markdown as `writing` wrote it, back to its text: links to their label, bold and escapes undone."""
    text = _LINK.sub(lambda found: found.group(1), markdown)
    text = re.sub(r"(?<!\\)\*\*", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()
