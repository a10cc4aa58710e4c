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
- a file over `limits.MAX_FILE_BYTES` is refused before it is parsed.

The body is checked too (`Document.body_problems`): nesting too deep for Markdown to
render in reasonable time, and control characters. Such a body is never rendered.
"""

from __future__ import annotations

import re
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

    def construct_document(self, node: yaml.Node) -> Any:
        _check_node_depth(node)
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


class _StrictYAMLHandler(frontmatter.YAMLHandler):
    """python-frontmatter's `---` splitting, with our loader for the YAML itself."""

    def load(self, fm: str, **kwargs: Any) -> Any:
        return yaml.load(fm, Loader=_FrontMatterLoader)


_HANDLER = _StrictYAMLHandler()
_OPENING_FENCE = re.compile(r"\A---[ \t]*\r?\n")


class ReadError(Exception):
    """The file cannot be read as Markdown with front matter; the message says why."""

    def __init__(self, field: str, message: str, *, code: str = "", line: int | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.code = code
        self.line = line


@dataclass(frozen=True)
class BodyProblem:
    """Why a body must not be rendered, and where."""

    code: str
    message: str
    line: int


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


def decode(raw: bytes) -> str:
    """Bytes of a content file as text: UTF-8, an optional BOM dropped."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotTextError(
            "",
            f"not UTF-8 text (byte {error.start} is 0x{raw[error.start]:02x}); "
            "save the file as UTF-8 (in most editors: 'Save with encoding' → UTF-8)",
        ) from None
    return text.removeprefix("\ufeff")


def read_document(src_uri: str, raw: bytes) -> Document:
    """Read one file's front matter and body; raise `ReadError` when that is impossible."""
    if len(raw) > MAX_FILE_BYTES:
        raise ReadError(
            "", f"too large ({len(raw):,} bytes; a content file may have at most {MAX_FILE_BYTES:,}): "
            "split it, or move large material out of the site", code="file-too-large",
        )  # fmt: skip
    text = decode(raw)
    if not _OPENING_FENCE.match(text):
        return Document(src_uri, {}, text, has_front_matter=False, body_problems=_body_problems(text, 1))
    try:
        fm_text, body = _HANDLER.split(text)
    except ValueError:
        raise ReadError(
            "front matter",
            "not closed: the file starts with '---' but has no closing '---' line",
        ) from None
    try:
        if yaml_text_too_deep(fm_text):
            raise _TooDeep("too deep to parse")
        meta = _HANDLER.load(fm_text)
    except _DuplicateKey as error:
        line = error.line + 1 + _lines_before_front_matter(text, fm_text)
        raise ReadError(
            "front matter", f"the field '{error.key}' is written twice (again on line {line}); "
            "keep one of the two: YAML would silently use the last", code="yaml-duplicate-key", line=line,
        ) from None
    except _TooDeep:
        raise ReadError(
            "front matter", f"nested too deeply: values may hold lists and fields at most {MAX_YAML_DEPTH} "
            "levels deep", code="yaml-too-deep",
        ) from None
    except yaml.YAMLError as error:
        lines_before = _lines_before_front_matter(text, fm_text)
        raise ReadError("front matter", f"not valid YAML ({_describe_yaml_error(error, lines_before)})") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as error:
        raise ReadError("front matter", f"not valid YAML ({error})") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ReadError(
            "front matter",
            f"must be a set of 'field: value' lines (got a {_yaml_type_name(meta)})",
        )
    _check_size(meta)
    bad_keys = [key for key in meta if not isinstance(key, str)]
    if bad_keys:
        raise ReadError("front matter", f"field names must be text (got {bad_keys[0]!r})")
    body_line = _lines_before_body(text, body)
    return Document(src_uri, meta, body, has_front_matter=True,
                    body_problems=_body_problems(body, body_line), body_line=body_line)  # fmt: skip


def _body_problems(body: str, first_line: int) -> tuple[BodyProblem, ...]:
    problems = []
    deep = too_deep(body)
    if deep is not None:
        problems.append(BodyProblem(
            "nesting-too-deep",
            f"lists or quotes nested {deep.what} deep on line {deep.line + first_line - 1} "
            f"(at most {MAX_NESTING}): Markdown cannot render this in reasonable time; flatten the list",
            deep.line + first_line - 1,
        ))  # fmt: skip
    crowded = too_much_inline(body)
    if crowded is not None:
        line = crowded.line + first_line - 1
        problems.append(BodyProblem(
            "too-much-inline-markup",
            f"the paragraph starting on line {line} holds more than {MAX_INLINE_MARKS:,} links or other inline "
            "marks ([, *, _, `, <): Markdown cannot render this in reasonable time; split it into paragraphs "
            "or lists",
            line,
        ))  # fmt: skip
    control = control_character(body)
    if control is not None:
        line = control.line + first_line - 1
        problems.append(BodyProblem(
            "control-character",
            f"a control character ({control.what}) on line {line}, column {control.column}: "
            "it is not text a reader can see; delete it",
            line,
        ))  # fmt: skip
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
            raise ReadError(
                "front matter",
                f"too large: more than {MAX_FRONT_MATTER_NODES:,} values once YAML aliases "
                "(&anchor / *alias) are expanded; write the values out plainly",
                code="yaml-too-large",
            )
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _lines_before_front_matter(text: str, fm_text: str) -> int:
    """How many lines of the file come before the YAML that the parser saw."""
    start = text.find(fm_text) if fm_text else -1
    return text.count("\n", 0, start) if start >= 0 else 1


def _describe_yaml_error(error: yaml.YAMLError, lines_before: int) -> str:
    """The parser's complaint with the line and column in the file, as an editor counts them."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is not None:
        return f"{problem} at line {mark.line + 1 + lines_before}, column {mark.column + 1}"
    return str(problem)


def _yaml_type_name(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "line of text"
    return type(value).__name__
