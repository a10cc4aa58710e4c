"""Plain text out of Markdown, for summaries: no rendering, no MkDocs."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s*(```|~~~)")
_ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s")
_INDENTED = re.compile(r"^(    |\t)")
_SKIPPED_LINE = re.compile(r"^\s*(#{1,6}\s|\{[:#.]|[-*_]{3,}\s*$|\|)")
_SETEXT_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_HTML_TAG = re.compile(r"<[^>]+>")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_ATTR_LIST = re.compile(r"\{:?[^}]*\}\s*$")
_CJK = r"[\u3000-\u9fff\uff00-\uffef]"


def first_paragraph(markdown: str) -> str:
    """The first paragraph of body text as plain text.

    Skipped: headings, code (fenced or indented), comments, admonitions, images,
    tables and rules, i.e. everything that is not prose a reader sees first.
    """
    paragraph: list[str] = []
    block: str | None = None  # "fence", "comment" or "admonition" while inside one
    lines = markdown.splitlines()
    for index, line in enumerate(lines):
        if block == "fence":
            block = None if _FENCE.match(line) else block
            continue
        if block == "comment":
            block = None if "-->" in line else block
            continue
        if block == "admonition":
            if not line.strip() or _INDENTED.match(line):
                continue
            block = None
        if not line.strip():
            if paragraph:
                break
            continue
        opened = _opened_block(line)
        if opened or _is_skipped(line, lines[index + 1] if index + 1 < len(lines) else ""):
            if paragraph:
                break
            block = opened
            continue
        if not paragraph and _INDENTED.match(line):
            continue  # an indented code block
        text = plain_text(line.strip().lstrip(">").strip())
        if text:
            paragraph.append(text)
    return _join(paragraph)


def _opened_block(line: str) -> str | None:
    if _FENCE.match(line):
        return "fence"
    if line.lstrip().startswith("<!--"):
        return None if "-->" in line else "comment"
    if _ADMONITION.match(line):
        return "admonition"
    return None


def _is_skipped(line: str, next_line: str) -> bool:
    if line.lstrip().startswith("<!--") or _SKIPPED_LINE.match(line) or _SETEXT_UNDERLINE.match(line):
        return True
    # The text line of a setext heading (its underline follows).
    return bool(next_line.strip()) and bool(_SETEXT_UNDERLINE.match(next_line))


def plain_text(markdown: str) -> str:
    """Inline Markdown as plain text: links keep their text; images, emphasis and tags go."""
    text = _LIST_MARKER.sub("", markdown)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    for _ in range(3):  # nested emphasis such as **_x_**
        text = _EMPHASIS.sub(r"\2", text)
    text = _ATTR_LIST.sub("", text)
    return text.strip()


def _join(lines: list[str]) -> str:
    """Lines of one paragraph as one line; Chinese lines join without a space."""
    text = " ".join(lines)
    return re.sub(f"(?<={_CJK}) (?={_CJK})", "", text).strip()
