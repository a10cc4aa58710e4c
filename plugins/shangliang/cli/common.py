"""What the editors' scripts share: exit codes, the `-f` option, progress, problem lines.

Every script under `scripts/` is a thin command over a library module; this module
keeps their behaviour alike: exit 0 when all is well, 1 when the content or the
work has a problem, 2 on bad usage (argparse's own code); progress on stderr;
problems in the very form the build prints them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO, TypeVar

from shangliang.content.catalogue import LoadResult
from shangliang.content.tree import Progress, SettingsError, SiteSettings, load_tree
from shangliang.model import Problem

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2

T = TypeVar("T")


def parser(prog: str, description: str, example: str) -> argparse.ArgumentParser:
    """An argument parser with `-f/--config-file` and an example at the end of `--help`."""
    result = argparse.ArgumentParser(
        prog=prog,
        description=description,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    result.add_argument(
        "-f", "--config-file", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
        help="the site's configuration (default: mkdocs.yml in the current folder)",
    )
    return result


def settings_or_exit(config_file: Path, stream: TextIO = sys.stderr) -> SiteSettings:
    try:
        return SiteSettings.from_config_file(config_file)
    except SettingsError as error:
        print(f"error: {error}", file=stream)
        raise SystemExit(EXIT_USAGE) from None


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
        print(f"{label}: {done}/{total} files ({elapsed:.1f} s)", file=stream, flush=True)

    return report


def load_or_exit(settings: SiteSettings, stream: TextIO = sys.stderr) -> LoadResult:
    """Load the tree with progress; a missing content folder is a usage error."""
    try:
        return load_tree(settings, progress_reporter("reading content", stream))
    except SettingsError as error:
        print(f"error: {error}", file=stream)
        raise SystemExit(EXIT_USAGE) from None


def problem_line(problem: Problem) -> str:
    """`error: cases/2024/x.md: date: not a date (…)`: the build's line, with its severity."""
    return f"{problem.severity.value}: {problem}"


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
    shown = f"{question} [{default}]: " if default else f"{question}: "
    while True:
        print(shown, end="", file=stream, flush=True)
        line = answers.readline()
        if not line:
            print(f"\nerror: no answer to '{question}'; nothing was written", file=stream)
            raise SystemExit(EXIT_USAGE)
        try:
            return parse(line.strip() or default)
        except ValueError as error:
            print(f"  {error}", file=stream, flush=True)
