#!/usr/bin/env python3
"""Start a new case file: content/cases/<year>/<pinyin of the title>.md, ready to fill in.

Its words are in `shangliang.cli.new_case_texts` (Chinese, or English with `--lang en`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TypeVar

from shangliang.cli import new_case_texts as say
from shangliang.cli.common import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, ask, load_or_exit, parser, settings_or_exit
from shangliang.cli.language import choose_language
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
from shangliang.cli.texts import ERROR
from shangliang.content.tree import SiteSettings
from shangliang.model import DEFAULT_STAGE, STAGES, Catalogue

T = TypeVar("T")

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
                _usage_error(say.FLAG_VALUE(flag=flag, problem=error), listing if listing_on_error else "")
        if not self.interactive:
            if required:
                _usage_error(say.REQUIRED(flag=flag))
            return None
        if listing:
            print(listing, file=sys.stderr)
        return ask(say.ASKED(question=question, flag=flag), answer or parse, default=default)


def _usage_error(message: str, listing: str = "") -> NoReturn:
    print(ERROR(message=message), file=sys.stderr)
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
    choose_language(argv)
    arguments = parser("new_case.py", say.DESCRIPTION, say.EXAMPLE)
    arguments.add_argument("--title", metavar=say.TITLE_METAVAR(), help=say.TITLE_HELP())
    arguments.add_argument("--date", metavar="YYYY-MM-DD", help=say.DATE_HELP())
    arguments.add_argument("--district", metavar=say.DISTRICT_METAVAR(), nargs="+", action="extend",
                           help=say.DISTRICT_HELP())  # fmt: skip
    arguments.add_argument("--format", metavar=say.FORMAT_METAVAR(), help=say.FORMAT_HELP())
    arguments.add_argument("--status", metavar=say.STATUS_METAVAR(), help=say.STATUS_HELP(default=DEFAULT_STAGE))
    arguments.add_argument("--slug", metavar=say.SLUG_METAVAR(), help=say.SLUG_HELP())
    arguments.add_argument("--dry-run", action="store_true", help=say.DRY_RUN_HELP())
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
        print(ERROR(message=say.EXISTS(path=other, suggestion=suggestion)), file=sys.stderr)
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
    title = choose.value("--title", options.title, parse_title, say.ASK_TITLE())
    date = choose.value("--date", options.date, parse_day, say.ASK_DATE())
    district_keys = choose.value(
        "--district", " ".join(options.district) if options.district else None,
        lambda text: parse_districts([text], districts),
        say.ASK_DISTRICT(), listing=say.DISTRICTS() + "\n" + district_listing(districts, catalogue),
    )
    format_ = choose.value(
        "--format", options.format, lambda text: parse_choice(text, settings.formats), say.ASK_FORMAT(),
        listing=say.FORMATS() + "\n" + _numbered(settings.formats), answer=_by_number_or_name(settings.formats),
        listing_on_error=False,
    )
    status = choose.value(
        "--status", options.status, lambda text: parse_choice(text, STAGES), say.ASK_STATUS(),
        required=False, default=DEFAULT_STAGE, listing=say.STAGES() + "\n" + _numbered(STAGES),
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
            raise InvalidValue(say.TAKEN(path=docs_dir / clash, suggestion=free_slug(slug, year, existing)))
        return slug

    suggested = slug_of(new_case.title)
    if given is not None:
        slug = choose.value("--slug", given, parse_slug, say.ASK_SLUG())
    elif choose.interactive:
        default = free_slug(suggested, year, existing) if suggested else ""
        slug = ask(say.ASKED(question=say.ASK_SLUG(), flag="--slug"), parse_free_slug, default=default)
    elif suggested:
        slug = suggested
    else:
        _usage_error(say.SLUG_REQUIRED(title=new_case.title))
    assert slug is not None
    return slug


def _write(path: Path, text: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        print(ERROR(message=say.EXISTS_NOW(path=path)), file=sys.stderr)
        return EXIT_PROBLEM
    print(path)
    return EXIT_OK


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\n" + say.CANCELLED(), file=sys.stderr)
        sys.exit(EXIT_PROBLEM)
