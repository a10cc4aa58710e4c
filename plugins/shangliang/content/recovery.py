"""The title an editor meant, from a file whose front matter cannot be read.

When YAML refuses a file's front matter (`title：社区停车难题` typed with a full-width
colon, a tab, a quote left open, a `---` never closed), the preview still shows the page
in its place (`pages.placeholder`) and the navigation still lists it: under the title the
editor wrote, found by a tolerant scan of the lines, not under the file's pinyin name.

The scan, in order:

1. a `title` (or `标题`) line of the front matter, with an ASCII or full-width colon, its
   quotes (ASCII or Chinese, closed or not) and a trailing `# comment` dropped;
2. else the body's first `# heading` (outside fenced code).

Pure: text in, text (or None) out. Control and invisible characters are dropped, and a
title is at most `MAX_TITLE` characters; showing it escaped is the page's job.
"""

from __future__ import annotations

import re

MAX_TITLE = 200
"""Characters of a recovered title kept (a runaway line is cut and marked with …)."""

MAX_SCANNED = 64 * 1024
"""Characters of the file scanned: a title is near the top."""

_FENCE = re.compile(r"^\s*[-—－–]{3,}\s*$")
"""A front matter fence; dashes typed with a Chinese input method count too."""
_TITLE_LINE = re.compile(r"^\s*(?:title|标题)\s*[:：]\s*(?P<value>.*)$", re.IGNORECASE)
_BLOCK_SCALAR = re.compile(r"^[|>][-+0-9]*$")
_HEADING = re.compile(r"^ {0,3}#[ \t]+(?P<text>.+?)(?:[ \t]+#+)?[ \t]*$")
_CODE_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_COMMENT = re.compile(r"\s+#.*$")
_QUOTES = "\"'“”‘’「」『』"
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def recover_title(text: str) -> str | None:
    """The title `text` (a whole Markdown file) means to have, or None when it states none."""
    lines = text[:MAX_SCANNED].removeprefix("\ufeff").splitlines()
    front, body = _split(lines)
    return _title_from_front_matter(front) or _first_heading(body)


def readable_text(raw: bytes) -> str:
    """A file's bytes as text for the scan: UTF-8, else GB18030 (Windows editors' “ANSI” for Chinese)."""
    head = raw[: MAX_SCANNED * 4]
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as error:
        if len(head) < len(raw) and error.start >= len(head) - 3:  # a character cut where the head ends
            return head[: error.start].decode("utf-8")
        return head.decode("gb18030", errors="replace")


def _split(lines: list[str]) -> tuple[list[str], list[str]]:
    """Front matter lines and body lines; an unclosed front matter ends at its first blank line."""
    if not lines or not _FENCE.match(lines[0]):
        return [], lines
    for number, line in enumerate(lines[1:], start=1):
        if _FENCE.match(line):
            return lines[1:number], lines[number + 1 :]
    for number, line in enumerate(lines[1:], start=1):
        if not line.strip():
            return lines[1:number], lines[number + 1 :]
    return lines[1:], []


def _title_from_front_matter(front: list[str]) -> str | None:
    for number, line in enumerate(front):
        match = _TITLE_LINE.match(line)
        if match is None:
            continue
        value = match.group("value").strip()
        if _BLOCK_SCALAR.match(value):  # title: > (the text on the indented lines below)
            value = " ".join(_indented_after(front, number))
        title = _cleaned(_unquoted(value))
        if title:
            return title
    return None


def _indented_after(lines: list[str], number: int) -> list[str]:
    following = []
    for line in lines[number + 1 :]:
        if line.strip() and not line[:1].isspace():
            break
        following.append(line.strip())
    return [line for line in following if line]


def _unquoted(value: str) -> str:
    if value[:1] in _QUOTES:
        closing = _closing_quote(value)
        value = value[1:closing] if closing else value[1:]
    else:
        value = _COMMENT.sub("", value)
    return value.strip().strip(_QUOTES)


def _closing_quote(value: str) -> int | None:
    """Where the quote opening `value` closes, if it does."""
    for index in range(len(value) - 1, 0, -1):
        if value[index] in _QUOTES:
            return index
    return None


def _first_heading(body: list[str]) -> str | None:
    in_code = False
    for line in body:
        if _CODE_FENCE.match(line):
            in_code = not in_code
            continue
        match = None if in_code else _HEADING.match(line)
        if match is not None:
            title = _cleaned(match.group("text"))
            if title:
                return title
    return None


def _cleaned(text: str) -> str:
    text = " ".join(_INVISIBLE.sub("", text).split())
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1] + "…"
