"""Merging generated blocks into the editor's roundup file, keeping everything else.

A roundup file (`content/roundups/2024.md`) is the editor's: front matter, prose, and
generated blocks between markers::

    <!-- shangliang:roundup begin figures -->
    ## 总体数据
    …
    <!-- shangliang:roundup end figures -->

`merge` replaces what is between each pair of markers and keeps every other byte of
the file as it was (line endings included); a block the file lacks is added after the
block before it in `BLOCKS` order. `new_file` starts a file for a year that has none;
`blocks_of` reads a file's blocks back (what `changes` compares).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shangliang.messages import Language, current_language
from shangliang.messages.wording import Template
from shangliang.roundup.blocks import BLOCKS, Rendered, title_of

MARKER = "<!-- shangliang:roundup {edge} {name} -->"
_MARKER_LINE = re.compile(r"^<!-- shangliang:roundup (begin|end) ([a-z0-9-]+) -->[ \t]*\r?$", re.MULTILINE)


class RoundupFileError(Exception):
    """A roundup file cannot be merged: its markers do not pair up, or it is not UTF-8 text.

    `str(error)` is `roundups/2024.md: why`, worded in the process's language (`shangliang.messages`).
    """

    def __init__(self, src_uri: str, why: Template, **values: object) -> None:
        super().__init__(src_uri, why, values)
        self.src_uri = src_uri
        self.why = why
        self.values = values

    def reason(self, language: Language | None = None) -> str:
        """What is wrong and how to mend it, without the file's name."""
        return self.why.in_language(language or current_language()).format(**self.values)

    def __str__(self) -> str:
        return f"{self.src_uri}: {self.reason()}"


NESTED = Template(
    "第 {line} 行：块“{name}”开始在块“{outer}”里面；请在它前面补回一行 <!-- shangliang:roundup end {outer} -->",
    "line {line}: block '{name}' begins inside block '{outer}'; restore the line "
    "<!-- shangliang:roundup end {outer} --> before it",
)
TWICE = Template("第 {line} 行：块“{name}”出现了两次；请删去其中一个",
                 "line {line}: block '{name}' appears twice; delete one of the two")
END_WITHOUT_BEGIN = Template(
    "第 {line} 行：块“{name}”的结束行前面没有它的开始行 <!-- shangliang:roundup begin {name} -->",
    "line {line}: end of block '{name}' without its begin line <!-- shangliang:roundup begin {name} -->",
)
NO_END = Template(
    "块“{name}”没有结束行；请在它后面加上 <!-- shangliang:roundup end {name} -->，或删去这个块",
    "block '{name}' has no end line; add <!-- shangliang:roundup end {name} --> after it, or delete the block",
)


def new_file(year: int, rendered: Rendered) -> str:
    """A new roundup file: front matter, a note inviting the editor's prose, every block."""
    head = (
        f"---\ntitle: {title_of(year)}\n---\n\n"
        "<!-- 编辑：请在这里写本年度综述的导语。标记 shangliang:roundup 之间的内容由 scripts/roundup.py "
        "生成，重新生成时会被替换；标记之外的文字（包括这段说明）原样保留，可以删改。 -->\n"
    )
    return head + "".join("\n" + _block(name, rendered.blocks[name], "\n") for name in BLOCKS)


@dataclass(frozen=True)
class _Span:
    name: str
    begin: int
    """Where the begin marker's line starts."""
    body_start: int
    body_end: int
    end: int
    """Just after the end marker's line (its newline included)."""


def merge(existing: str, rendered: Rendered, *, src_uri: str) -> str:
    """`existing` with every generated block replaced or added; all other text kept as it was.

    Raises `RoundupFileError` when the markers do not pair up (nothing can be merged safely then).
    """
    newline = "\r\n" if "\r\n" in existing else "\n"
    spans = _spans(existing, src_uri)
    present = {span.name: span for span in spans}
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), applied in order of start
    for span in spans:
        body = rendered.blocks.get(span.name)  # a block this version does not know stays as it is
        if body is not None:
            edits.append((span.body_start, span.body_end, body.replace("\n", newline)))
    for position, name in enumerate(BLOCKS):
        if name in present:
            continue
        block = _block(name, rendered.blocks[name], newline)
        before = [present[other] for other in BLOCKS[:position] if other in present]
        after = [present[other] for other in BLOCKS[position + 1:] if other in present]
        if before:
            at = before[-1].end
            added = newline + block
        elif after:
            at = after[0].begin
            added = block + newline
        else:
            at = len(existing)
            added = newline + block
        if at == len(existing) and existing and not existing.endswith("\n"):
            added = newline + added
        edits.append((at, at, added))
    edits.sort(key=lambda edit: edit[0])  # stable: blocks added at one place keep BLOCKS order
    pieces, cursor = [], 0
    for start, end, replacement in edits:
        pieces += [existing[cursor:start], replacement]
        cursor = end
    return "".join(pieces) + existing[cursor:]


def blocks_of(text: str, *, src_uri: str) -> dict[str, str]:
    """The generated blocks of a roundup file, name → what is between its markers, in file order.

    Raises `RoundupFileError` when the markers do not pair up.
    """
    return {span.name: text[span.body_start:span.body_end] for span in _spans(text, src_uri)}


def _block(name: str, body: str, newline: str) -> str:
    lines = [MARKER.format(edge="begin", name=name), *body.splitlines(), MARKER.format(edge="end", name=name)]
    return newline.join(lines) + newline


def _spans(existing: str, src_uri: str) -> list[_Span]:
    """The generated blocks of a file, in file order; their markers must pair up."""
    spans: list[_Span] = []
    opened: tuple[str, int, int] | None = None  # name, begin, body_start
    for found in _MARKER_LINE.finditer(existing):
        edge, name = found.group(1), found.group(2)
        line = existing.count("\n", 0, found.start()) + 1
        after_line = existing.find("\n", found.end())
        line_end = len(existing) if after_line == -1 else after_line + 1
        if edge == "begin":
            if opened is not None:
                raise RoundupFileError(src_uri, NESTED, line=line, name=name, outer=opened[0])
            if any(span.name == name for span in spans):
                raise RoundupFileError(src_uri, TWICE, line=line, name=name)
            opened = (name, found.start(), line_end)
        else:
            if opened is None or opened[0] != name:
                raise RoundupFileError(src_uri, END_WITHOUT_BEGIN, line=line, name=name)
            spans.append(_Span(name, opened[1], opened[2], found.start(), line_end))
            opened = None
    if opened is not None:
        raise RoundupFileError(src_uri, NO_END, name=opened[0])
    return spans
