"""Markup in a Markdown body that the published page will not carry, found in the source with its line.

The build publishes a body only through the sanitizer (`security.sanitize`); this scan
tells the editor beforehand, line by line, what it will remove, so that the warning
names the place to fix. Text inside fenced code blocks and inline code is text, not markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shangliang.content.limits import lines_outside_code
from shangliang.model import Problem, Severity

KEPT_MARKUP = (
    "a page keeps text, headings, lists, tables, code, quotes, details, admonitions, "
    "links to http, https, mailto or within the site, and images inside the site"
)

_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")

_CHECKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<\s*(script|style|iframe|frame|frameset|object|embed|applet|form|input|button|select|"
                r"textarea|link|meta|base|svg|math|template|noscript|video|audio)\b", re.I), "<{0}>"),
    (re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.I), "{0}="),
    (re.compile(r"\{[^}\n]*\b(on[a-z]+)\s*=", re.I), "{0}="),
    (re.compile(r"(?:\]\(\s*<?|href\s*=\s*[\"']?\s*|src\s*=\s*[\"']?\s*|<|^\s*\[[^\]]+\]:\s*)"
                r"(javascript|vbscript|data)\s*:", re.I | re.M), "{0}: link"),
    (re.compile(r"!\[[^\]]*\]\(\s*<?((?:https?:)?//[^\s)>]+)", re.I), "image from another host ({0})"),
    (re.compile(r"<img\b[^>]*\ssrc\s*=\s*[\"']?((?:https?:)?//[^\s\"'>]+)", re.I), "image from another host ({0})"),
)  # fmt: skip


@dataclass(frozen=True)
class UnsafeMarkup:
    line: int
    what: str


def unsafe_markup(body: str, first_line: int = 1) -> list[UnsafeMarkup]:
    """Every piece of markup in `body` the sanitizer removes, with its line in the file."""
    found: list[UnsafeMarkup] = []
    for number, line in lines_outside_code(body):
        offset = number - 1
        text = _INLINE_CODE.sub("", line)
        for pattern, label in _CHECKS:
            for match in pattern.finditer(text):
                what = label.format(match.group(1).lower() if "{0}" in label and "host" not in label
                                    else match.group(1)[:60])  # fmt: skip
                found.append(UnsafeMarkup(offset + first_line, what))
    return found


def unsafe_markup_problem(src_uri: str, found: UnsafeMarkup) -> Problem:
    return Problem(
        src_uri, "", f"line {found.line}: {found.what} is removed from the published page ({KEPT_MARKUP})",
        Severity.WARNING, code="unsafe-html", line=found.line,
    )  # fmt: skip


def removed_markup_problem(src_uri: str, removed: list[str]) -> Problem:
    """Markup the sanitizer removed from a rendered page that the source scan did not see (e.g. written
    with character references)."""
    return Problem(
        src_uri, "", f"{', '.join(removed)} removed from the published page ({KEPT_MARKUP})",
        Severity.WARNING, code="unsafe-html",
    )  # fmt: skip


_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class EmptySection:
    line: int
    heading: str


def empty_sections(body: str, first_line: int = 1) -> list[EmptySection]:
    """Headings with nothing but comments (or nothing) before the next heading of the same level or
    higher, or the end: an outline left unfilled, which would publish as empty headings."""
    lines = list(lines_outside_code(body))
    found = []
    for position, (number, line) in enumerate(lines):
        heading = _HEADING.match(line)
        if heading is None:
            continue
        level = len(heading.group(1))
        content = []
        for _, following in lines[position + 1:]:
            other = _HEADING.match(following)
            if other is not None and len(other.group(1)) <= level:
                break
            content.append(following)
        if not _COMMENT.sub("", "\n".join(content)).strip():
            found.append(EmptySection(number + first_line - 1, heading.group(2)))
    return found


def empty_section_problem(src_uri: str, section: EmptySection) -> Problem:
    return Problem(
        src_uri, "", f"line {section.line}: the section 「{section.heading}」 is empty (only the outline's hints, "
        "or nothing): write it, or delete the heading", Severity.WARNING, code="empty-section", line=section.line,
    )  # fmt: skip
