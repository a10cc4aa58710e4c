"""Plain text out of Markdown, for summaries: no rendering, no MkDocs."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s*(```|~~~)")
_SKIPPED_LINE = re.compile(r"^\s*(#{1,6}\s|<!--|!\[|\{[:#.]|[-*_]{3,}\s*$|\|)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_HTML_TAG = re.compile(r"<[^>]+>")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_ATTR_LIST = re.compile(r"\{:?[^}]*\}\s*$")
_SETEXT_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")


def first_paragraph(markdown: str) -> str:
    """The first paragraph of body text as plain text; headings, code and images skipped."""
    lines = markdown.splitlines()
    paragraph: list[str] = []
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            if paragraph:
                break
            continue
        if in_fence:
            continue
        if not line.strip():
            if paragraph:
                break
            continue
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        if _SKIPPED_LINE.match(line) or _SETEXT_UNDERLINE.match(line):
            if paragraph:
                break
            continue
        if not paragraph and _SETEXT_UNDERLINE.match(next_line) and next_line.strip():
            continue  # a setext heading: the text line above its underline
        paragraph.append(line.strip().lstrip(">").strip())
    return plain_text(" ".join(paragraph))


def plain_text(markdown: str) -> str:
    """Inline Markdown as plain text: links keep their text, emphasis and tags go."""
    text = _LIST_MARKER.sub("", markdown)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    for _ in range(3):  # nested emphasis such as **_x_**
        text = _EMPHASIS.sub(r"\2", text)
    text = _ATTR_LIST.sub("", text)
    # Lines of Chinese joined with a space would read oddly: join CJK directly.
    text = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])", "", text)
    return text.strip()
