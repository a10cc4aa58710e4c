"""Slips of the Chinese keyboard in front matter, found in its raw lines, each with its line and the fix.

A Chinese input method types `：` for `:`, `，` or `、` for `,`, `【】` for `[]`, `“”` for `"`,
`——` for `--`, and indents with the full-width space U+3000; editors also indent with tabs.
YAML then fails with an English complaint about some other line, or reads something odd (a
key `title：社区停车`, one list item `交通，停车`). `front_matter_slips` scans the lines of front
matter that failed or read oddly; `list_value_slip` looks at one list field that did read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from shangliang.messages import FieldName, Param


@dataclass(frozen=True)
class Slip:
    code: str
    """`full-width-colon`, `full-width-comma`, `full-width-brackets`, `full-width-space`, `full-width-quotes`,
    `tab-indent` or `full-width-fence`."""
    line: int
    """The file's line (1-based)."""
    params: Mapping[str, Param] = field(default_factory=dict, hash=False)


LIST_COMMAS = "，、"
"""What a Chinese keyboard types between list items instead of `,`."""

_INDENT = re.compile(r"^[ \t\u3000]*")
_ASCII_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
_ANY_KEY = r"[^\s:：#'\"\[\]{}【】，,、“”‘’-][^\s:：#'\"\[\]{}【】，,、“”‘’]{0,29}"
_COLON_AFTER_KEY = re.compile(rf"^(?:(?P<item>-[ \t]+)(?P<item_key>{_ASCII_KEY})|(?P<key>{_ANY_KEY}))[ \t]*：[ \t]*")
_LEAD_AND_VALUE = re.compile(rf"^(?P<lead>(?:-[ \t]+)?(?:{_ANY_KEY}[ \t]*[:：][ \t]*)?)(?P<value>.*?)[ \t]*$")
_KEY_LINE = re.compile(rf"^(?:-[ \t]+)?{_ANY_KEY}[ \t]*[:：]")
_BLOCK_SCALAR = re.compile(r"[:：][ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$")
_DASHES = re.compile(r"^[-—–－―ー‐‑⁃]{2,}[ \t]*$")


def front_matter_slips(front_matter: str, first_line: int) -> list[Slip]:
    """Every slip in the lines of `front_matter`, whose first line is the file's line `first_line`.

    Lines inside block scalars (`summary: |`) and comments are text, never slips.
    """
    slips: list[Slip] = []
    block_indent: int | None = None
    previous: tuple[str, str] | None = None
    for number, line in enumerate(front_matter.splitlines(), start=first_line):
        indent = _INDENT.match(line).group()  # type: ignore[union-attr]
        rest = line[len(indent):]
        if block_indent is not None:
            if not rest or len(indent.expandtabs(1)) > block_indent:
                continue
            block_indent = None
        if not rest or rest.startswith("#"):
            continue
        slips.extend(_line_slips(number, indent, rest, _may_be_a_key(indent, previous)))
        if _BLOCK_SCALAR.search(rest):
            block_indent = len(indent.expandtabs(1))
        previous = (indent, rest)
    return slips


def _may_be_a_key(indent: str, previous: tuple[str, str] | None) -> bool:
    """Whether a line may begin with a key that is not ASCII (`协商：…` under `stages:`) rather than
    continue the text of the line before (`summary: 一段` then `  结论：已解决`): it is the first line,
    the line before opens a block (`stages:`), or the line before is a key at the same indentation."""
    if previous is None:
        return True
    before_indent, before = previous
    return bool(re.search(r"[:：][ \t]*$", before)) or (
        before_indent == indent and _KEY_LINE.match(before) is not None
    )


def _line_slips(number: int, indent: str, rest: str, any_key: bool) -> list[Slip]:
    found = []
    if "\t" in indent:
        found.append(Slip("tab-indent", number, {"line": number}))
    if "\u3000" in indent:
        found.append(Slip("full-width-space", number, {"line": number}))
    clean = " " * len(indent)
    colon = _COLON_AFTER_KEY.match(rest)
    if colon and (any_key or re.fullmatch(_ASCII_KEY, colon.group("item_key") or colon.group("key"))):
        key = colon.group("item_key") or colon.group("key")
        written = f"{clean}{colon.group('item') or ''}{key}: {rest[colon.end():]}".rstrip()
        found.append(Slip("full-width-colon", number, {"line": number, "key": FieldName.of(key), "written": written}))
    value = _LEAD_AND_VALUE.match(rest).group("value")  # type: ignore[union-attr]
    if _is_bracketed(value) and ("【" in value or "】" in value):
        found.append(Slip("full-width-brackets", number, {"line": number, "written": clean + fixed_list(rest)}))
    elif value[:1] in ("[", "{") and any(comma in value for comma in LIST_COMMAS):
        found.append(Slip("full-width-comma", number, {"line": number, "written": clean + fixed_list(rest)}))
    if value[:1] in ("“", "”", "‘", "’") and re.search(r":[ \t]|[ \t]#", value):  # needed real quotes
        found.append(Slip("full-width-quotes", number, {"line": number}))
    return found


def _is_bracketed(value: str) -> bool:
    return value[:1] in ("【", "[") and value[-1:] in ("】", "]")


def fixed_list(text: str) -> str:
    """`text` with `【】` written `[]` and `，` or `、` between list items written `, `; a colon `：` after
    the key written `: `."""
    text = re.sub(rf"^((?:-[ \t]+)?{_ANY_KEY})[ \t]*：[ \t]*", r"\1: ", text)
    text = text.replace("【", "[").replace("】", "]")
    return re.sub(rf"[ \t]*[{LIST_COMMAS}][ \t]*", ", ", text)


def fence_slip(lines: list[str]) -> Slip | None:
    """The first line (of a file's `lines`, from its second) that is meant as `---` but typed with a
    Chinese keyboard's dashes (`———`, `－－－`)."""
    for number, line in enumerate(lines[1:], start=2):
        if _DASHES.match(line) and line.strip() != "-" * len(line.strip()):
            return Slip("full-width-fence", number, {"line": number, "written": repr(line.strip())})
    return None


def opening_fence_slip(text: str) -> Slip | None:
    """A file whose first line is a `---` typed with Chinese dashes, above lines of fields."""
    lines = text.splitlines()
    if len(lines) < 2 or not _DASHES.match(lines[0]) or lines[0].strip() == "-" * len(lines[0].strip()):
        return None
    if not re.match(rf"^{_ANY_KEY}[ \t]*[:：]", lines[1]):
        return None
    return Slip("full-width-fence", 1, {"line": 1, "written": repr(lines[0].strip())})


_FIELD_LINE = re.compile(rf"^(?:[ \t\u3000]+\S|-[ \t]|{_ANY_KEY}[ \t]*[:：])")


def last_field_line(lines: list[str]) -> int:
    """The last line (1-based, of a file's `lines`) of an unclosed front matter block: the lines after the
    opening `---` that look like fields, list items or their indented continuations (blank lines and
    `#` lines, comments or headings, are passed over)."""
    last = 1
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        if not _FIELD_LINE.match(line):
            break
        last = number
    return last


def block_slips(lines: tuple[str, ...], first_line: int, key_line: int) -> list[Slip]:
    """The slips in the block of the top-level field written on the file's line `key_line`: that line and
    the indented (or list item) lines after it. `lines` are the front matter's, from the file's `first_line`."""
    start = key_line - first_line
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][:1] in (" ", "\t", "\u3000", "-")):
        end += 1
    return front_matter_slips("\n".join(lines[start:end]), key_line)


def list_value_slip(value: Any, written_line: str | None, line: int) -> Slip | None:
    """A list field that read as something else because of a slip: `【交通，停车】` (one text),
    `交通，停车` (one text), or `[交通，停车]` (a list of one item). `written_line` is the field's line."""
    if isinstance(value, str):
        text = value.strip()
        if _is_bracketed(text) and ("【" in text or "】" in text):
            return Slip("full-width-brackets", line, {"line": line, "written": _fixed_line(written_line, text)})
        if any(comma in text for comma in LIST_COMMAS):
            return Slip("full-width-comma", line, {"line": line, "written": _fixed_line(written_line, f"[{text}]")})
        return None
    slipped = isinstance(value, list) and any(
        isinstance(item, str) and any(comma in item for comma in LIST_COMMAS) for item in value
    )
    if slipped and written_line is not None and "[" in written_line:
        return Slip("full-width-comma", line, {"line": line, "written": fixed_list(written_line.strip())})
    return None


def _fixed_line(written_line: str | None, value: str) -> str:
    if written_line is None:
        return fixed_list(value)
    key = re.match(rf"^[ \t]*({_ANY_KEY})[ \t]*[:：]", written_line)
    return fixed_list(f"{key.group(1)}: {value}" if key else value)
