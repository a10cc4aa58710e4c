"""The scripts' argument parser: argparse, speaking the run's language down to its own messages.

argparse writes its headings ("usage:", "options"), its `-h` line and its complaints
("unrecognized arguments", "the following arguments are required", "invalid choice"…)
in English. `ScriptParser` gives the headings and the `-h` line from `texts`, and
translates a complaint by recognising argparse's English wording (`ARGPARSE_MESSAGES`,
written against Python 3.11's argparse); a complaint it does not recognise is shown
as argparse wrote it. Bad usage still exits 2, after the usage line, as argparse does.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

from shangliang.cli import texts
from shangliang.cli.language import ENGLISH, Text, language

EXIT_USAGE = 2


def _pattern(english: str) -> re.Pattern[str]:
    """argparse's English template (`invalid choice: {value} (choose from {choices})`) as a whole-line regex."""
    parts = re.split(r"(\{[a-z]+\})", english)
    regex = "".join(f"(?P<{part[1:-1]}>.+?)" if part.startswith("{") else re.escape(part) for part in parts)
    return re.compile(f"^{regex}$", re.DOTALL)


ARGPARSE_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (_pattern(english), chinese)
    for english, chinese in (
        ("argument {argument}: {message}", "{argument}：{message}"),
        ("unrecognized arguments: {arguments}", "无法识别的参数：{arguments}"),
        ("the following arguments are required: {arguments}", "缺少必需的参数：{arguments}"),
        ("one of the arguments {arguments} is required", "参数 {arguments} 中必须给出一个"),
        ("expected one argument", "这个选项后面要写一个值"),
        ("expected at most one argument", "这个选项后面最多写一个值"),
        ("expected at least one argument", "这个选项后面至少要写一个值"),
        ("expected {count} arguments", "这个选项后面要写 {count} 个值"),
        ("expected {count} argument", "这个选项后面要写 {count} 个值"),
        ("invalid choice: {value} (choose from {choices})", "不是可选的值（写的是 {value}；可选 {choices}）"),
        ("invalid {kind} value: {value}", "不是有效的值（写的是 {value}）"),
        ("not allowed with argument {argument}", "不能和 {argument} 一起用"),
        ("ignored explicit argument {value}", "这个选项不带值（写的是 {value}）"),
        ("ambiguous option: {option} could match {matches}", "选项 {option} 不明确，可能是 {matches}"),
        ("unexpected option string: {option}", "多余的选项 {option}"),
        ("can't open '{file}': {reason}", "无法打开“{file}”：{reason}"),
    )
)


def translated(message: str) -> str:
    """One of argparse's complaints in Chinese (an inner message translated too); others as they are."""
    for pattern, chinese in ARGPARSE_MESSAGES:
        found = pattern.match(message)
        if found:
            values = found.groupdict()
            if "message" in values:
                values["message"] = translated(values["message"])
            return chinese.format(**values)
    return message


class _Formatter(argparse.HelpFormatter):
    """Help in the run's language, wrapped to the terminal's columns, headings ending in a Chinese colon.

    A Chinese character takes two columns of a terminal, so text is wrapped by columns,
    not characters, and never between a character and the punctuation after it. The
    description and the epilog are wrapped paragraph by paragraph; a paragraph with
    indented lines (an example) is kept as written.
    """

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrapped(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        paragraphs = []
        for paragraph in text.split("\n\n"):
            lines = paragraph.splitlines()
            if any(line[:1].isspace() for line in lines[1:]):
                paragraphs.append("\n".join(indent + line for line in lines))
            else:
                paragraphs.append("\n".join(indent + line for line in wrapped(_joined(lines), width)))
        return "\n\n".join(paragraphs)

    def format_help(self) -> str:
        help_text = super().format_help()
        if language() == ENGLISH:
            return help_text
        for title in (texts.POSITIONALS(), texts.OPTIONS()):
            help_text = help_text.replace(f"\n{title}:\n", f"\n{title}：\n")
        return help_text

    def add_usage(
        self, usage: str | None, actions: Iterable[argparse.Action], groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else texts.USAGE())


def columns(text: str) -> int:
    """How many terminal columns `text` takes: two for each wide (Chinese) character."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def wrapped(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, broken at a space or between two Chinese characters."""
    lines: list[str] = []
    line = ""
    for piece in re.findall(r"\S+ ?|\s+", text) if text.isascii() else _pieces(text):
        if line and columns(line.rstrip() + piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


_WIDE = "\u2e80-\uffef"
_OPENING = "（「『“‘《【"
_CLOSING = "，。、；：？！）」』”’》】"
_PIECE = re.compile(rf"[{_OPENING}]*(?:[^\s{_WIDE}]+|[{_WIDE}])[{_CLOSING}]* ?| +")


def _pieces(text: str) -> list[str]:
    """Words (with their space) and single wide characters with their punctuation: where a line may break."""
    return _PIECE.findall(text)


def _joined(lines: list[str]) -> str:
    """Lines of one paragraph as one: nothing between two Chinese characters or at Chinese punctuation, else a space."""
    text = ""
    for line in (line.strip() for line in lines):
        if text and line:
            chinese = columns(text[-1]) == 2 and columns(line[0]) == 2
            punctuation = text[-1] in _OPENING + _CLOSING or line[0] in _OPENING + _CLOSING
            text += "" if chinese or punctuation else " "
        text += line
    return text


class ScriptParser(argparse.ArgumentParser):
    """An `argparse.ArgumentParser` whose every word is in the run's language (see the module's note)."""

    def __init__(self, prog: str, description: str, epilog: str) -> None:
        super().__init__(prog=prog, description=description, epilog=epilog, formatter_class=_Formatter,
                         add_help=False)  # fmt: skip
        self._positionals.title = texts.POSITIONALS()
        self._optionals.title = texts.OPTIONS()
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=texts.HELP())

    def error(self, message: str) -> NoReturn:
        """Usage line, then `check.py：错误：…` on stderr; exit 2."""
        self.print_usage(sys.stderr)
        shown = message if language() == ENGLISH else translated(message)
        self.exit(EXIT_USAGE, texts.USAGE_ERROR(prog=self.prog, message=shown) + "\n")


def script_parser(prog: str, description: str | Text, example: str) -> ScriptParser:
    """A parser with `-f/--config-file`, `--lang` and an example at the end of `--help`."""
    shown = description() if isinstance(description, Text) else description
    result = ScriptParser(prog, shown, texts.EXAMPLE(example=example))
    result.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        metavar=texts.CONFIG_FILE_METAVAR(), help=texts.CONFIG_FILE_HELP())  # fmt: skip
    result.add_argument("--lang", choices=texts.LANGUAGE_CHOICES, default=language(), help=texts.LANG_HELP())
    return result
