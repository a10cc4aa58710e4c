"""What the editors' scripts share: exit codes, the parser, progress, problem lines, questions.

Every script under `scripts/` is a thin command over a library module; this module
keeps their behaviour alike: exit 0 when all is well, 1 when the content or the
work has a problem, 2 on bad usage (argparse's own code); progress on stderr;
problems in the very form the build prints them, after their severity; every word
in the run's language (`cli.language`: Chinese unless `--lang en` or mkdocs.yml says
otherwise).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NoReturn, TextIO, TypeVar

from shangliang.cli import texts
from shangliang.cli.arguments import EXIT_USAGE, ScriptParser, script_parser
from shangliang.cli.language import Text
from shangliang.content.catalogue import LoadResult
from shangliang.content.tree import Progress, SettingsError, SiteSettings, load_tree
from shangliang.model import Problem

EXIT_OK = 0
EXIT_PROBLEM = 1

__all__ = [
    "EXIT_OK", "EXIT_PROBLEM", "EXIT_USAGE", "ask", "load_or_exit", "parser", "print_problems", "problem_line",
    "progress_reporter", "settings_or_exit", "usage_exit",
]  # fmt: skip

T = TypeVar("T")


def parser(prog: str, description: str | Text, example: str) -> ScriptParser:
    """An argument parser with `-f/--config-file`, `--lang` and an example at the end of `--help`.

    Choose the run's language first (`cli.language.choose_language`): the parser speaks it.
    """
    return script_parser(prog, description, example)


def usage_exit(message: str, stream: TextIO | None = None) -> NoReturn:
    """`错误：…` on stderr, exit 2: a usage problem found after the arguments were read."""
    print(texts.ERROR(message=message), file=stream if stream is not None else sys.stderr)
    raise SystemExit(EXIT_USAGE)


_NO_CONFIG = Text("{file}：读不到网站配置文件（{reason}）", "{file}: cannot read the site configuration ({reason})")
_NO_CONTENT = Text("{file}：docs_dir：内容文件夹 {folder} 不存在", "{file}: docs_dir: no such folder {folder}")


def settings_or_exit(config_file: Path, stream: TextIO = sys.stderr) -> SiteSettings:
    """What the scripts need of mkdocs.yml; an unreadable one is a usage error."""
    try:
        config_file.read_bytes()
    except OSError as error:
        usage_exit(_NO_CONFIG(file=config_file, reason=error.strerror or error), stream)
    try:
        return SiteSettings.from_config_file(config_file)
    except SettingsError as error:
        usage_exit(str(error), stream)


def progress_reporter(label: str, stream: TextIO = sys.stderr, *, at_least: int = 200) -> Progress:
    """Progress lines on `stream` for runs over `at_least` files: about every 10 % and at the end."""
    started = time.monotonic()
    shown = {"step": -1}

    def report(done: int, total: int) -> None:
        if total < at_least:
            return
        step = done * 10 // total
        if step == shown["step"] and done != total:
            return
        shown["step"] = step
        elapsed = time.monotonic() - started
        print(texts.PROGRESS(label=label, done=done, total=total, seconds=elapsed), file=stream, flush=True)

    return report


def load_or_exit(settings: SiteSettings, stream: TextIO = sys.stderr) -> LoadResult:
    """Load the tree with progress; a missing content folder is a usage error."""
    if not settings.docs_dir.is_dir():
        usage_exit(_NO_CONTENT(file=settings.config_file, folder=settings.docs_dir), stream)
    try:
        return load_tree(settings, progress_reporter(texts.READING_CONTENT(), stream))
    except SettingsError as error:
        usage_exit(str(error), stream)


def problem_line(problem: Problem) -> str:
    """`错误: cases/2024/x.md: date（协商日期）: …`: the build's line for the problem, after its severity."""
    return texts.PROBLEM_LINE(severity=texts.SEVERITY[problem.severity](), problem=problem)


def print_problems(problems: Iterable[Problem], stream: TextIO = sys.stderr) -> None:
    for problem in problems:
        print(problem_line(problem), file=stream)


def ask(
    question: str,
    parse: Callable[[str], T],
    *,
    default: str = "",
    answers: TextIO | None = None,
    stream: TextIO | None = None,
) -> T:
    """Ask on `stream` (stderr) until `parse` accepts a line read from `answers` (stdin).

    An empty answer stands for `default`. A `ValueError` from `parse` is shown and the
    question asked again; the end of input is a usage error (nothing was chosen).
    """
    answers = answers if answers is not None else sys.stdin
    stream = stream if stream is not None else sys.stderr
    shown = texts.QUESTION_WITH_DEFAULT(question=question, default=default) if default else texts.QUESTION(
        question=question
    )
    while True:
        print(shown, end="", file=stream, flush=True)
        line = answers.readline()
        if not line:
            print(file=stream)
            usage_exit(texts.NO_ANSWER(question=question), stream)
        try:
            return parse(line.strip() or default)
        except ValueError as error:
            print(f"  {error}", file=stream, flush=True)
