"""The scripts' language (`shangliang.cli.language`, `cli.arguments`): Chinese by default, down to argparse's
own words, wrapped for a terminal; English when `--lang en` or mkdocs.yml's `language: en` asks for it."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from shangliang.cli import texts
from shangliang.cli.arguments import columns, script_parser, translated, wrapped
from shangliang.cli.language import Counted, Text, language, requested_language, set_language


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps help and usage to the terminal


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    try:
        yield
    finally:
        set_language("zh")


def usage_error(*argv: str) -> tuple[int, str]:
    """What a parser with a required positional, a choice and a one-value option says to `argv` on stderr."""
    parser = script_parser("demo.py", Text("演示。", "A demo."), "python demo.py 2024")
    parser.add_argument("year")
    parser.add_argument("--format", choices=("text", "json"))
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), pytest.raises(SystemExit) as exited:
        parser.parse_args(list(argv))
    return int(str(exited.value.code)), stderr.getvalue()


@pytest.mark.parametrize(
    ("argv", "chinese"),
    [
        ((), "demo.py：错误：缺少必需的参数：year"),
        (("2024", "--bogus"), "demo.py：错误：无法识别的参数：--bogus"),
        (("2024", "--format"), "demo.py：错误：--format：这个选项后面要写一个值"),
        (("2024", "--format", "xml"), "demo.py：错误：--format：不是可选的值（写的是 'xml'；可选 'text', 'json'）"),
        (("2024", "--lang", "fr"), "demo.py：错误：--lang：不是可选的值（写的是 'fr'；可选 'zh', 'en'）"),
    ],
    ids=["required", "unrecognized", "missing value", "invalid choice", "unknown language"],
)
def test_argparse_complaints_are_chinese_after_a_chinese_usage_line_and_exit_2(
    argv: tuple[str, ...], chinese: str
) -> None:
    code, stderr = usage_error(*argv)
    assert code == 2
    assert stderr.startswith("用法：demo.py [-h] [-f 文件] [--lang {zh,en}] [--format {text,json}] year\n")
    assert stderr.endswith(chinese + "\n")


def test_in_english_argparse_speaks_as_it_always_did(english: None) -> None:
    code, stderr = usage_error()
    assert code == 2
    assert stderr.startswith("usage: demo.py")
    assert stderr.endswith("demo.py: error: the following arguments are required: year\n")


def test_a_complaint_argparse_words_otherwise_is_left_as_it_is() -> None:
    assert translated("argument --x: some new complaint") == "--x：some new complaint"
    assert translated("a message of our own") == "a message of our own"


def test_help_names_every_part_in_chinese() -> None:
    parser = script_parser("demo.py", Text("演示。", "A demo."), "python demo.py 2024")
    parser.add_argument("year", help="年份")
    shown = parser.format_help()
    assert "\n位置参数：\n  year " in shown and "\n选项：\n  -h, --help            显示本帮助并退出\n" in shown
    assert shown.endswith("示例：\n  python demo.py 2024\n")


def test_text_is_wrapped_by_terminal_columns_and_never_before_chinese_punctuation() -> None:
    text = "没有用选项给出的值，在终端里运行时会逐一询问；不在终端里运行时，必填的 --title、--date 要给出（默认 协商）"
    lines = wrapped(text, 30)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(columns(line) <= 30 for line in lines)
    assert not any(line[0] in "，。、；：）" for line in lines)
    assert columns("协商a") == 5


def test_a_text_holds_both_languages_and_a_count_its_english_plural(english: None) -> None:
    errors = Counted("{count}处错误", "{count} error", "{count} errors")
    assert (errors(1), errors(3)) == ("1 error", "3 errors")
    assert texts.NO_PROBLEMS(cases="2 cases", districts="1 district", brands="1 brand") == (
        "2 cases, 1 district, 1 brand: no problems"
    )
    set_language("zh")
    assert (errors(1), errors(3)) == ("1处错误", "3处错误")


def test_the_language_comes_from_lang_then_mkdocs_yml_then_chinese(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: 站\nplugins:\n  - shangliang:\n      language: en\n  - tags\n", encoding="utf-8")
    assert requested_language(["-f", str(config)]) == "en"
    assert requested_language(["-f", str(config), "--lang", "zh"]) == "zh"
    assert requested_language(["--lang=en"], default_config=tmp_path / "none.yml") == "en"
    assert requested_language([], default_config=tmp_path / "none.yml") == "zh"  # no mkdocs.yml: Chinese
    assert requested_language(["--lang", "fr", "-f", str(config)]) == "en"  # the parser will refuse fr
    assert requested_language(["-f"]) == "zh"  # bad usage is the parser's to report
    assert language() == "zh"  # asking sets nothing
