"""A page's front matter as MkDocs and Material may print it: every text escaped, nothing to act on.

MkDocs and Material print some front matter keys into every page without escaping
(`title`, `subtitle` in the navigation, `description` and `author` in `<meta>`,
`tags` on the page and the topics page, `status` as a class). `safe_meta` gives them
values that are text whatever they hold: HTML-escaped (quotes too, for attributes),
control characters removed, lists of tags and `hide` values kept to plain words.
`template` and `icon` are dropped (refused, with an error, by `content.validation`).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from shangliang.content.fields import HIDE_VALUES, REFUSED_FIELDS
from shangliang.content.limits import CONTROL


def escape(text: str) -> str:
    """Text safe in HTML content and in a quoted attribute; control characters removed."""
    return html.escape(CONTROL.sub("", text), quote=True)


def safe_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    safe: dict[str, Any] = {}
    for key, value in meta.items():
        if key in REFUSED_FIELDS:
            continue
        if key == "tags":
            safe[key] = [escape(str(tag)) for tag in value if _is_word(tag)] if isinstance(value, list) else []
        elif key == "hide":
            safe[key] = [item for item in value if item in HIDE_VALUES] if isinstance(value, list) else []
        else:
            safe[key] = _escaped(value)
    return safe


def _is_word(value: object) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return value
