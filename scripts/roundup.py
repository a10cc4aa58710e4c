#!/usr/bin/env python3
"""(Re)generate the annual roundups, content/roundups/<year>.md, from the published cases.

Its words are in `shangliang.cli.roundup_texts` (Chinese, or English with `--lang en`)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from shangliang.cli import roundup_texts as say
from shangliang.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    load_or_exit,
    parser,
    print_problems,
    settings_or_exit,
)
from shangliang.cli.language import choose_language, joined
from shangliang.cli.roundup_summary import summary_lines
from shangliang.cli.texts import ERROR
from shangliang.pages.grouping import Index
from shangliang.roundup.changes import changes_between
from shangliang.roundup.figures import case_years
from shangliang.roundup.files import RoundupPlan, plan_roundups
from shangliang.roundup.merge import RoundupFileError


def _year(text: str) -> int:
    if len(text) == 4 and text.isdigit():
        return int(text)
    raise argparse.ArgumentTypeError(say.NOT_A_YEAR(text=text))


def main(argv: list[str] | None = None) -> int:
    choose_language(argv)
    arguments = parser("roundup.py", say.DESCRIPTION, say.EXAMPLE())
    arguments.add_argument("years", nargs="*", type=_year, metavar=say.YEAR_METAVAR(), help=say.YEARS_HELP())
    arguments.add_argument("--all", action="store_true", help=say.ALL_HELP())
    arguments.add_argument("--check", action="store_true", help=say.CHECK_HELP())
    arguments.add_argument("--dry-run", action="store_true", help=say.DRY_RUN_HELP())
    arguments.add_argument("--pdf", type=Path, metavar="OUT.pdf", help=say.PDF_HELP())
    options = arguments.parse_args(argv)
    if bool(options.years) == options.all:
        arguments.error(say.YEARS_OR_ALL())
    if options.pdf and (options.all or len(options.years) != 1):
        arguments.error(say.PDF_ONE_YEAR())
    if options.pdf and (options.check or options.dry_run):
        arguments.error(say.PDF_ALONE())

    settings = settings_or_exit(options.config_file)
    result = load_or_exit(settings)
    print_problems(result.problems)
    if result.errors:
        print(ERROR(message=say.CONTENT_ERRORS(len(result.errors))), file=sys.stderr)
        return EXIT_PROBLEM

    index = Index(result.catalogue)
    available = case_years(index)
    years = sorted(set(options.years), reverse=True) if options.years else available
    missing = [year for year in years if year not in available]
    if missing:
        have = joined([str(year) for year in available]) or say.NO_YEARS()
        for year in missing:
            print(ERROR(message=say.NO_CASES_IN_YEAR(year=year, have=have)), file=sys.stderr)
        return EXIT_PROBLEM

    try:
        plans = plan_roundups(settings.docs_dir, index, years)
    except RoundupFileError as error:
        print(ERROR(message=error), file=sys.stderr)
        return EXIT_PROBLEM

    if options.check or options.dry_run:
        return _report(plans, check=options.check, diff=options.dry_run)
    for plan in plans:
        written = plan.write()
        print(say.WROTE(year=plan.year, files=joined(written)) if written else say.UP_TO_DATE(year=plan.year))
    if options.pdf:
        return _pdf(settings.config_file, years[0], options.pdf)
    return EXIT_OK


def _report(plans: list[RoundupPlan], *, check: bool, diff: bool) -> int:
    stale = []
    for plan in plans:
        charts = plan.stale_charts()
        if diff:
            changes = changes_between(plan.old_text, plan.new_text, src_uri=plan.src_uri)
            for line in summary_lines(plan.year, plan.src_uri, changes, [chart.src_uri for chart in charts]):
                print(line)
            diff_text = plan.diff()
            if diff_text:
                print()  # the summary, a blank line, then the diff
                sys.stdout.write(diff_text)
        if not plan.text_is_current or charts:
            stale.append(plan)
    if not check:
        return EXIT_OK
    for plan in stale:
        files = [plan.src_uri] if not plan.text_is_current else []
        files += [chart.src_uri for chart in plan.stale_charts()]
        what = say.MISSING() if plan.old_text is None else say.OUT_OF_DATE()
        print(say.STALE(year=plan.year, files=joined(files), verb="is" if len(files) == 1 else "are", what=what))
    if stale:
        print(say.STALE_COUNT(len(stale), years=joined([str(plan.year) for plan in stale])))
        return EXIT_PROBLEM
    print(say.ALL_UP_TO_DATE(years=joined([str(plan.year) for plan in plans])))
    return EXIT_OK


def _pdf(config_file: Path, year: int, out: Path) -> int:
    from shangliang.roundup.pdf import PdfError, page_to_pdf

    print(say.PRINTING(year=year), file=sys.stderr, flush=True)
    try:
        pages = page_to_pdf(config_file, f"roundups/{year}/", out)
    except PdfError as error:
        print(ERROR(message=error), file=sys.stderr)
        return EXIT_PROBLEM
    print(say.WROTE_PDF(pages, out=out))
    return EXIT_OK


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. `--dry-run | head`: the reader stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_PROBLEM)
