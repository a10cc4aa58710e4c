"""The Markdown a roundup is written in: editor text made literal, links, and figures in their Chinese forms."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

from shangliang.model import FigureValue
from shangliang.pages import chinese
from shangliang.urls import roundup_src

ROUNDUP_DIR = posixpath.dirname(roundup_src(2000))
NOT_FILLED = "未填写"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|!])")


def text(value: str) -> str:
    """Editor-written text as literal inline Markdown: on one line, markup escaped."""
    value = " ".join(value.split())
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def external_link(label: str, url: str) -> str:
    """A link to another site (an editor's `source.url`, already checked to be http or https)."""
    return f"[{text(label)}]({quote(url.strip(), safe=_URL_SAFE)})"


_URL_SAFE = ":/?#@!$&'*+,;=%~-._"
"""Kept as they are in a link target; brackets, spaces, quotes and the like are percent-encoded."""


def link(label: str, src_uri: str) -> str:
    """A link from a roundup page to another content file (MkDocs checks and rewrites it)."""
    # Spaces and brackets are escaped; Chinese file names stay readable (MkDocs reads both).
    path = posixpath.relpath(src_uri, ROUNDUP_DIR)
    target = "".join(char if ord(char) > 127 else quote(char, safe="/-._~") for char in path)
    return f"[{text(label)}]({target})"



# --------------------------------------------------------------------------- figures


def number(value: int) -> str:
    """`1,967`."""
    return chinese.number_zh(value)


def stated(value: int | None) -> str:
    """A figure in a table cell: the number, or 未填写 when none of the row's cases states it."""
    return NOT_FILLED if value is None else number(value)


def change(now: int, before: int) -> str:
    if now == before:
        return "持平"
    return f"+{number(now - before)}" if now > before else f"−{number(before - now)}"


def with_change(now: int, before: int | None) -> str:
    """`8（+2）`: this year's figure and the change from last year, when last year's is stated too."""
    if before is None:
        return number(now)
    return f"{number(now)}（{change(now, before)}）"


def percent(part: int, whole: int) -> str:
    return f"{(part * 100 + whole // 2) // whole}%" if whole else ""


def as_published(value: FigureValue) -> str:
    """An official figure as the committee published it: `1,967`, or its text (`百余场`) escaped."""
    return number(value) if isinstance(value, int) else text(value)
