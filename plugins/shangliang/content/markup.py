"""Markup in a Markdown body that the published page will not carry, found in the source with its line.

The build publishes a body only through the sanitizer (`security.sanitize`); this scan
tells the editor beforehand, line by line, what it will remove, so that the warning
names the place to fix. Text inside fenced code blocks and inline code is text, not markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shangliang.content.limits import lines_outside_code
from shangliang.messages import Params, Phrase, phrase
from shangliang.model import Problem, Severity

_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")

_CHECKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<\s*(script|style|iframe|frame|frameset|object|embed|applet|form|input|button|select|"
                r"textarea|link|meta|base|svg|math|template|noscript|video|audio)\b", re.I), "markup-element"),
    (re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.I), "markup-handler"),
    (re.compile(r"\{[^}\n]*\b(on[a-z]+)\s*=", re.I), "markup-handler"),
    (re.compile(r"(?:\]\(\s*<?|href\s*=\s*[\"']?\s*|src\s*=\s*[\"']?\s*|<|^\s*\[[^\]]+\]:\s*)"
                r"(javascript|vbscript|data)\s*:", re.I | re.M), "markup-scheme-link"),
    (re.compile(r"!\[[^\]]*\]\(\s*<?((?:https?:)?//[^\s)>]+)", re.I), "markup-remote-image"),
    (re.compile(r"<img\b[^>]*\ssrc\s*=\s*[\"']?((?:https?:)?//[^\s\"'>]+)", re.I), "markup-remote-image"),
)  # fmt: skip
"""Each pattern's group 1 is what it found; the phrase names it (an address is kept as written, cut at 60)."""
_PHRASE_PARAM = {"markup-element": "name", "markup-handler": "name", "markup-scheme-link": "scheme",
                 "markup-remote-image": "address"}  # fmt: skip


@dataclass(frozen=True)
class UnsafeMarkup:
    line: int
    what: Phrase
    """What was found, e.g. `<script>`, `onerror=`, `javascript: link`."""


def unsafe_markup(body: str, first_line: int = 1) -> list[UnsafeMarkup]:
    """Every piece of markup in `body` the sanitizer removes, with its line in the file."""
    found: list[UnsafeMarkup] = []
    for number, line in lines_outside_code(body):
        offset = number - 1
        text = _INLINE_CODE.sub("", line)
        for pattern, code in _CHECKS:
            for match in pattern.finditer(text):
                written = match.group(1)[:60] if code == "markup-remote-image" else match.group(1).lower()
                found.append(UnsafeMarkup(offset + first_line, phrase(code, **{_PHRASE_PARAM[code]: written})))
    return found


def unsafe_markup_problem(src_uri: str, found: UnsafeMarkup) -> Problem:
    params: Params = {"line": found.line, "what": found.what}
    return Problem(src_uri, "", code="unsafe-html", params=params, severity=Severity.WARNING, line=found.line)


def removed_markup_problem(src_uri: str, removed: list[str]) -> Problem:
    """Markup the sanitizer removed from a rendered page that the source scan did not see (e.g. written
    with character references)."""
    params = {"what": ", ".join(removed)}
    return Problem(src_uri, "", code="unsafe-html-rendered", params=params, severity=Severity.WARNING)


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
    params: Params = {"line": section.line, "heading": section.heading}
    return Problem(src_uri, "", code="empty-section", params=params, severity=Severity.WARNING, line=section.line)
