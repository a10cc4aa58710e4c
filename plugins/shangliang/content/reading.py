"""Reading one Markdown file: bytes to front matter (a mapping) and body text.

MkDocs' own reader silently returns `{}` when front matter is broken, so
shangliang parses front matter itself, strictly:

- UTF-8 only (a byte-order mark is accepted and dropped);
- YAML's safe subset, with dates left as text so that `2024-13-45` is reported
  as a bad date of its field rather than crashing the YAML parser;
- a bound on how large the parsed value may be, so that a YAML alias bomb
  ("billion laughs") is refused at once instead of exhausting memory, and on how
  deeply it may nest;
- a key written twice is an error (YAML would silently keep the last one);
- a file over `limits.MAX_FILE_BYTES` is refused before it is parsed;
- front matter that fails to parse, or reads oddly (a key `title：…`), is looked at for the slips
  of a Chinese keyboard (`slips`), each named with its line and the fix.

The body is checked too (`Document.body_problems`): nesting too deep for Markdown to
render in reasonable time, and control characters. Such a body is never rendered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import frontmatter
import yaml

from shangliang.content.limits import (
    MAX_FILE_BYTES,
    MAX_INLINE_MARKS,
    MAX_NESTING,
    MAX_YAML_DEPTH,
    control_character,
    too_deep,
    too_much_inline,
    yaml_text_too_deep,
)
from shangliang.content.slips import Slip, fence_slip, front_matter_slips, last_field_line, opening_fence_slip
from shangliang.content.yaml_problems import yaml_problem
from shangliang.messages import Params, Phrase, current_language, phrase, problem_text
from shangliang.model import Problem

# libyaml is much faster; the pure-Python parser gives the same values.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FRONT_MATTER_NODES = 10_000
"""How many values (scalars, list items, mapping entries) front matter may hold once aliases are expanded."""

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(f"duplicate key {key!r}")
        self.key = key
        self.line = line


class _TooDeep(yaml.YAMLError):
    pass


class _FrontMatterLoader(_BaseLoader):  # type: ignore[valid-type, misc]
    """Safe YAML that keeps dates as text (`validation` parses them with a clear message),
    refuses a key written twice in one mapping, and values nested too deeply."""

    field_lines: dict[str, int]
    """The 0-based line of the YAML on which each top-level key is written."""

    def construct_document(self, node: yaml.Node) -> Any:
        _check_node_depth(node)
        if isinstance(node, yaml.MappingNode):
            keys = [key for key, _ in reversed(node.value) if isinstance(key, yaml.ScalarNode)]
            self.field_lines = {str(key.value): key.start_mark.line for key in keys}
        return super().construct_document(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        seen: set[object] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = self.construct_scalar(key_node)
                if key in seen:
                    raise _DuplicateKey(key, key_node.start_mark.line)
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _check_node_depth(root: yaml.Node) -> None:
    """Refuse nesting deeper than `MAX_YAML_DEPTH`, walking the parsed nodes without recursion."""
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    seen: set[int] = set()
    while stack:
        node, depth = stack.pop()
        if depth > MAX_YAML_DEPTH:
            raise _TooDeep(f"nested more than {MAX_YAML_DEPTH} levels")
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend((child, depth + 1) for pair in node.value for child in pair)


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP_TAG]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def _load(fm_text: str) -> tuple[Any, dict[str, int]]:
    """The YAML's value, with the 0-based line of each top-level key."""
    loader = _FrontMatterLoader(fm_text)
    loader.field_lines = {}
    try:
        return loader.get_single_data(), loader.field_lines
    finally:
        loader.dispose()


_SPLITTER = frontmatter.YAMLHandler()
"""python-frontmatter's `---` splitting (the YAML itself is read by `_load`)."""
_OPENING_FENCE = re.compile(r"\A---[ \t]*\r?\n")


class ReadError(Exception):
    """The file cannot be read as Markdown with front matter: its problem's code and parameters, and any
    further problems found while reading it (`more`: the other keyboard slips of its front matter)."""

    def __init__(
        self, field: str, code: str, params: Params | None = None, *, line: int | None = None,
        more: tuple[ReadError, ...] = (),
    ) -> None:  # fmt: skip
        super().__init__(code)
        self.field = field
        self.code = code
        self.params: Params = params or {}
        self.line = line
        self.more = more

    @property
    def message(self) -> str:
        return problem_text(self.code, self.params, current_language())

    def __str__(self) -> str:
        return self.message

    def problems(self, src_uri: str) -> list[Problem]:
        """The file's problems: this one, then the further ones."""
        return [
            Problem(src_uri, error.field, code=error.code, params=error.params, line=error.line)
            for error in (self, *self.more)
        ]


@dataclass(frozen=True)
class BodyProblem:
    """Why a body must not be rendered, and where."""

    code: str
    line: int
    params: Params = field(default_factory=dict, hash=False)

    def problem(self, src_uri: str) -> Problem:
        return Problem(src_uri, "", code=self.code, params=self.params, line=self.line)


class NotTextError(ReadError):
    """The file's bytes are not UTF-8 text; MkDocs itself cannot read it either."""


@dataclass(frozen=True)
class Document:
    """One content file, read: its front matter (possibly empty) and Markdown body."""

    src_uri: str
    meta: dict[str, Any]
    body: str
    has_front_matter: bool
    body_problems: tuple[BodyProblem, ...] = field(default=())
    """Reasons the body is never rendered (too deeply nested, control characters)."""
    body_line: int = 1
    """The file's line on which the body starts."""
    field_lines: Mapping[str, int] = field(default_factory=dict, compare=False)
    """The file's line on which each top-level field is written."""
    front_matter: tuple[str, ...] = field(default=(), compare=False, repr=False)
    """The front matter's lines as written; the first is the file's line `field_lines` counts from 2."""
    front_matter_line: int = 2
    """The file's line of the front matter's first line."""

    def written_line(self, name: str) -> str | None:
        """The line of the file on which the top-level field `name` is written, as written."""
        line = self.field_lines.get(name)
        if line is None or not 0 <= line - self.front_matter_line < len(self.front_matter):
            return None
        return self.front_matter[line - self.front_matter_line]


def decode(raw: bytes) -> str:
    """Bytes of a content file as text: UTF-8, an optional BOM dropped."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotTextError("", "not-utf8", {"offset": error.start, "byte": f"0x{raw[error.start]:02x}"}) from None
    return text.removeprefix("\ufeff")


def read_document(src_uri: str, raw: bytes) -> Document:
    """Read one file's front matter and body; raise `ReadError` when that is impossible."""
    if len(raw) > MAX_FILE_BYTES:
        raise ReadError("", "file-too-large", {"size": len(raw), "maximum": MAX_FILE_BYTES})
    text = decode(raw)
    if not _OPENING_FENCE.match(text):
        fence = opening_fence_slip(text)
        if fence is not None:
            raise _slip_error(fence)
        return Document(src_uri, {}, text, has_front_matter=False, body_problems=_body_problems(text, 1))
    try:
        fm_text, body = _SPLITTER.split(text)
    except ValueError:
        raise _not_closed(text) from None
    first_line = _lines_before_front_matter(text, fm_text) + 1
    meta, field_lines = _parsed(fm_text, first_line)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict) or any(isinstance(key, str) and _ODD_KEY.search(key) for key in meta):
        slips = front_matter_slips(fm_text, first_line)
        if slips:
            raise _slips_error(slips)
    if not isinstance(meta, dict):
        raise ReadError("front matter", "front-matter-not-mapping", {"got": _shape_of(meta)},
                        line=_first_written_line(fm_text, first_line))  # fmt: skip
    _check_size(meta)
    bad_keys = [key for key in meta if not isinstance(key, str)]
    if bad_keys:
        raise ReadError("front matter", "field-name-not-text", {"got": repr(bad_keys[0])})
    body_line = _lines_before_body(text, body)
    return Document(
        src_uri, meta, body, has_front_matter=True, body_problems=_body_problems(body, body_line),
        body_line=body_line, field_lines={key: line + first_line for key, line in field_lines.items()},
        front_matter=tuple(fm_text.splitlines()), front_matter_line=first_line,
    )  # fmt: skip


_ODD_KEY = re.compile(r"[：\u3000【】“”‘’，]")
"""A character no field name holds: the key was read from a slip of the keyboard (`title：…`)."""


def _parsed(fm_text: str, first_line: int) -> tuple[Any, dict[str, int]]:
    """The front matter's value and the 0-based line of each top-level key; a `ReadError` when it cannot be read."""
    try:
        if yaml_text_too_deep(fm_text):
            raise _TooDeep("too deep to parse")
        return _load(fm_text)
    except _DuplicateKey as error:
        line = error.line + first_line
        raise ReadError("front matter", "yaml-duplicate-key", {"key": str(error.key), "line": line},
                        line=line) from None  # fmt: skip
    except _TooDeep:
        raise ReadError("front matter", "yaml-too-deep", {"maximum": MAX_YAML_DEPTH}) from None
    except yaml.YAMLError as error:
        raise _yaml_error(error, fm_text, first_line) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as error:
        raise ReadError("front matter", "yaml-unreadable", {"problem": str(error)}) from None


def _yaml_error(error: yaml.YAMLError, fm_text: str, first_line: int) -> ReadError:
    """The slips of the keyboard in the front matter when there are some, else the parser's complaint.

    The parser names the line where it gave up, often the one after a slip (a full-width colon); the
    complaint is kept too when no slip is on that line or the one before it.
    """
    mark = getattr(error, "problem_mark", None)
    lines = fm_text.splitlines()
    if mark is not None:
        line = mark.line + first_line
        line_text = lines[mark.line] if mark.line < len(lines) else ""
        complaint = ReadError(
            "front matter", "yaml-invalid",
            {"problem": yaml_problem(error, line_text), "line": line, "column": mark.column + 1}, line=line,
        )  # fmt: skip
    else:
        complaint = ReadError("front matter", "yaml-unreadable", {"problem": yaml_problem(error)})
    slips = front_matter_slips(fm_text, first_line)
    if not slips:
        return complaint
    explained = complaint.line is not None and any(slip.line in (complaint.line, complaint.line - 1) for slip in slips)
    return _slips_error(slips, () if explained else (complaint,))


def _slip_error(slip: Slip) -> ReadError:
    return ReadError("front matter", slip.code, slip.params, line=slip.line)


def _slips_error(slips: list[Slip], more: tuple[ReadError, ...] = ()) -> ReadError:
    first, *others = slips
    return ReadError("front matter", first.code, first.params, line=first.line,
                     more=(*map(_slip_error, others), *more))  # fmt: skip


def _not_closed(text: str) -> ReadError:
    """No closing `---`: a fence typed with Chinese dashes, or else where the closing line belongs."""
    lines = text.splitlines()
    fence = fence_slip(lines)
    if fence is not None:
        return _slip_error(fence)
    after = last_field_line(lines)
    return ReadError("front matter", "front-matter-not-closed", {"after": after}, line=after)


def _body_problems(body: str, first_line: int) -> tuple[BodyProblem, ...]:
    problems = []
    deep = too_deep(body)
    if deep is not None:
        line = deep.line + first_line - 1
        params: Params = {"depth": deep.what, "line": line, "maximum": MAX_NESTING}
        problems.append(BodyProblem("nesting-too-deep", line, params))
    crowded = too_much_inline(body)
    if crowded is not None:
        line = crowded.line + first_line - 1
        problems.append(BodyProblem("too-much-inline-markup", line, {"line": line, "maximum": MAX_INLINE_MARKS}))
    control = control_character(body)
    if control is not None:
        line = control.line + first_line - 1
        where = phrase("on-line-column", line=line, column=control.column)
        problems.append(BodyProblem("control-character", line, {"what": control.what, "where": where}))
    return tuple(problems)


def _lines_before_body(text: str, body: str) -> int:
    """The file's line on which `body` starts."""
    start = text.rfind(body) if body else len(text)
    return text.count("\n", 0, start) + 1


def _check_size(value: Any) -> None:
    """Refuse front matter that expands to more than `MAX_FRONT_MATTER_NODES` values.

    Walks the value as a tree (aliases expanded) but stops at the budget, so
    an exponential alias bomb costs at most that many steps.
    """
    budget = MAX_FRONT_MATTER_NODES
    stack = [value]
    while stack:
        item = stack.pop()
        budget -= 1
        if budget < 0:
            raise ReadError("front matter", "yaml-too-large", {"maximum": MAX_FRONT_MATTER_NODES})
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _lines_before_front_matter(text: str, fm_text: str) -> int:
    """How many lines of the file come before the YAML that the parser saw."""
    start = text.find(fm_text) if fm_text else -1
    return text.count("\n", 0, start) if start >= 0 else 1


def _first_written_line(fm_text: str, first_line: int) -> int:
    lines = fm_text.splitlines()
    return first_line + next((number for number, line in enumerate(lines) if line.strip()), 0)


def _shape_of(value: Any) -> Phrase:
    if isinstance(value, list):
        return phrase("shape-list")
    if isinstance(value, bool):
        return phrase("shape-truth")
    if isinstance(value, int | float):
        return phrase("shape-number")
    return phrase("shape-text")
