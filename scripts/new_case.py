#!/usr/bin/env python3
"""Start a new case file: content/cases/<year>/<pinyin of the title>.md, ready to fill in."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TypeVar

from shangliang.cli.common import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, ask, load_or_exit, parser, settings_or_exit
from shangliang.cli.scaffold import (
    InvalidValue,
    NewCase,
    case_src_uri,
    case_text,
    clash_of,
    district_listing,
    free_slug,
    parse_choice,
    parse_day,
    parse_districts,
    parse_slug,
    parse_title,
    slug_of,
    usable_districts,
)
from shangliang.content.tree import SiteSettings
from shangliang.model import DEFAULT_STAGE, STAGES, Catalogue

T = TypeVar("T")

DESCRIPTION = """\
Create a case file with the chosen title, date, district(s), format and stage, hints for
the optional fields and a body of headings to fill in; print its path.

Values not given as flags are asked for when run in a terminal; otherwise the
required ones (--title, --date, --district, --format) must be given. Districts are
the keys of content/districts/; formats come from mkdocs.yml; stages are
选题、调研、协商、报送、办理、落实 (default 协商). The file name is the pinyin of
the title (--slug to choose another). An existing file is never overwritten.

Exit status: 0 created (or shown, with --dry-run); 1 the file already exists;
2 bad usage: a missing or invalid value, an unreadable mkdocs.yml."""

EXAMPLE = ("python scripts/new_case.py --title 普陀村加装路灯 --date 2023-06-01 "
           "--district rongchang --format 委员进小院")


class _Chooser:
    """Takes each value from its flag, or asks for it in a terminal, or stops with a usage error."""

    def __init__(self, interactive: bool) -> None:
        self.interactive = interactive

    def value(
        self, flag: str, given: str | None, parse: Callable[[str], T], question: str, *,
        default: str = "", required: bool = True, listing: str = "", answer: Callable[[str], T] | None = None,
        listing_on_error: bool = True,
    ) -> T | None:
        """`parse(given)`; or, in a terminal, `answer` (default `parse`) of what the editor types."""
        if given is not None:
            try:
                return parse(given)
            except InvalidValue as error:
                _usage_error(f"{flag}: {error}", listing if listing_on_error else "")
        if not self.interactive:
            if required:
                _usage_error(f"{flag} is required (values are asked for only when run in a terminal)")
            return None
        if listing:
            print(listing, file=sys.stderr)
        return ask(f"{question}（{flag}）", answer or parse, default=default)


def _usage_error(message: str, listing: str = "") -> NoReturn:
    print(f"error: {message}", file=sys.stderr)
    if listing:
        print(listing, file=sys.stderr)
    raise SystemExit(EXIT_USAGE)


def _numbered(choices: Sequence[str]) -> str:
    return "\n".join(f"  {number}. {choice}" for number, choice in enumerate(choices, start=1))


def _by_number_or_name(choices: Sequence[str]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        text = text.strip()
        if text.isdigit() and 1 <= int(text) <= len(choices):
            return choices[int(text) - 1]
        return parse_choice(text, choices)

    return parse


def main(argv: list[str] | None = None) -> int:
    arguments = parser("new_case.py", DESCRIPTION, EXAMPLE)
    arguments.add_argument("--title", help="the case's title, in Chinese")
    arguments.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the consultation")
    arguments.add_argument("--district", metavar="KEY", nargs="+", action="extend",
                           help="district key; several for a joint consultation")
    arguments.add_argument("--format", metavar="F", help="one of the formats in mkdocs.yml, e.g. 微协商")
    arguments.add_argument("--status", metavar="S", help=f"furthest stage reached (default {DEFAULT_STAGE})")
    arguments.add_argument("--slug", metavar="S", help="file name instead of the title's pinyin, e.g. lu-deng")
    arguments.add_argument("--dry-run", action="store_true",
                           help="write nothing; print the path, then the file's text")
    options = arguments.parse_args(argv)

    settings = settings_or_exit(options.config_file)
    result = load_or_exit(settings)
    choose = _Chooser(interactive=sys.stdin.isatty())
    new_case = _choose_case(options, settings, result.catalogue, choose)
    existing = list(result.kinds)
    slug = _choose_slug(options.slug, new_case, existing, choose, settings.docs_dir)

    src_uri = case_src_uri(new_case.date, slug)
    path = settings.docs_dir / src_uri
    clash = clash_of(src_uri, existing)
    if clash is not None or path.exists():
        other = settings.docs_dir / (clash or src_uri)
        suggestion = free_slug(slug, new_case.date.year, [*existing, src_uri])
        print(f"error: {other} already exists; nothing was written. Choose another file name with "
              f"--slug, e.g. --slug {suggestion}", file=sys.stderr)
        return EXIT_PROBLEM

    text = case_text(new_case)
    if options.dry_run:
        print(path)
        print(text, end="")
        return EXIT_OK
    return _write(path, text)


def _choose_case(options: argparse.Namespace, settings: SiteSettings, catalogue: Catalogue,
                 choose: _Chooser) -> NewCase:
    """Title, date, districts, format and stage: from the flags, or asked for."""
    districts = usable_districts(catalogue)
    title = choose.value("--title", options.title, parse_title, "标题")
    date = choose.value("--date", options.date, parse_day, "协商日期 YYYY-MM-DD")
    district_keys = choose.value(
        "--district", " ".join(options.district) if options.district else None,
        lambda text: parse_districts([text], districts),
        "区县的键，联合协商写几个、用空格隔开", listing="districts:\n" + district_listing(districts, catalogue),
    )
    format_ = choose.value(
        "--format", options.format, lambda text: parse_choice(text, settings.formats), "形式：填序号或名称",
        listing="formats:\n" + _numbered(settings.formats), answer=_by_number_or_name(settings.formats),
        listing_on_error=False,
    )
    status = choose.value(
        "--status", options.status, lambda text: parse_choice(text, STAGES), "达到的阶段：填序号或名称",
        required=False, default=DEFAULT_STAGE, listing="stages:\n" + _numbered(STAGES),
        answer=_by_number_or_name(STAGES), listing_on_error=False,
    )
    assert title is not None and date is not None and district_keys and format_ is not None
    brand_key = catalogue.districts[district_keys[0]].brand_key
    return NewCase(title, date, district_keys, format_, status, brand_key)


def _choose_slug(given: str | None, new_case: NewCase, existing: list[str], choose: _Chooser,
                 docs_dir: Path) -> str:
    """The file name: `--slug`, or the title's pinyin (offered for change in a terminal)."""
    year = new_case.date.year

    def parse_free_slug(text: str) -> str:
        slug = parse_slug(text)
        clash = clash_of(case_src_uri(new_case.date, slug), existing)
        if clash is not None:
            raise InvalidValue(f"{docs_dir / clash} already exists; choose another name, "
                               f"e.g. {free_slug(slug, year, existing)}")
        return slug

    suggested = slug_of(new_case.title)
    if given is not None:
        slug = choose.value("--slug", given, parse_slug, "文件名")
    elif choose.interactive:
        default = free_slug(suggested, year, existing) if suggested else ""
        slug = ask("文件名：小写拼音、数字和连字符（--slug）", parse_free_slug, default=default)
    elif suggested:
        slug = suggested
    else:
        _usage_error(f"--slug is required: the title {new_case.title!r} gives no pinyin to name the file after")
    assert slug is not None
    return slug


def _write(path: Path, text: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        print(f"error: {path} already exists; nothing was written. Choose another file name with --slug",
              file=sys.stderr)
        return EXIT_PROBLEM
    print(path)
    return EXIT_OK


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\ncancelled: nothing was written", file=sys.stderr)
        sys.exit(EXIT_PROBLEM)
