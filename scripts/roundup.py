#!/usr/bin/env python3
"""(Re)generate the annual roundups, content/roundups/<year>.md, from the published cases."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from shangliang.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    load_or_exit,
    parser,
    print_problems,
    settings_or_exit,
)
from shangliang.pages.grouping import Index
from shangliang.roundup.figures import case_years
from shangliang.roundup.files import RoundupPlan, plan_roundups
from shangliang.roundup.merge import RoundupFileError

DESCRIPTION = """\
Write the roundup (年度综述) of each year asked for: content/roundups/<year>.md with its
generated blocks (figures and the change from last year, districts and sub-brands,
formats, stages, cases by month as a chart, commended cases, topics, bulletins) and
the chart files next to it. The figures are the sums of the published cases (本站收录);
the figures a committee published for the year (`figures` of a brand or a district) are
shown as published beside them (委员会公布), with their source, and never replace them;
a figure no case states and no committee published is left out. A brand's
`commendations` of the year say how many cases were commended and how many of them
the site holds. Cases dated only by their year are counted apart from the months.
Only what is between the <!-- shangliang:roundup … --> markers is rewritten; the
editor's prose around them is kept byte for byte, and a run that has nothing new to
say writes nothing.

The content is checked first, exactly as `mkdocs build` checks it: any error stops
the roundup, reported in the build's one-line form.

Exit status: 0 done (or, with --check, every roundup up to date); 1 a problem in the
content or a roundup file, or stale roundups with --check; 2 bad usage."""

EXAMPLE = """python scripts/roundup.py 2024
  python scripts/roundup.py --all --check        # in CI: are the roundups up to date?
  python scripts/roundup.py 2024 --dry-run       # show the changes, write nothing
  python scripts/roundup.py 2024 --pdf roundup-2024.pdf"""


def _year(text: str) -> int:
    if len(text) == 4 and text.isdigit():
        return int(text)
    raise argparse.ArgumentTypeError(f"not a year (got {text!r}; expected four digits such as 2024)")


def main(argv: list[str] | None = None) -> int:
    arguments = parser("roundup.py", DESCRIPTION, EXAMPLE)
    arguments.add_argument("years", nargs="*", type=_year, metavar="YEAR", help="the year(s) to write")
    arguments.add_argument("--all", action="store_true", help="every year that has published cases")
    arguments.add_argument("--check", action="store_true",
                           help="write nothing; exit 1 naming the years whose roundup is out of date")
    arguments.add_argument("--dry-run", action="store_true", help="print the changes as a diff; write nothing")
    arguments.add_argument("--pdf", type=Path, metavar="OUT.pdf",
                           help="then print the year's roundup page to a PDF (A4) with headless Chromium")
    options = arguments.parse_args(argv)
    if bool(options.years) == options.all:
        arguments.error("name the year(s) to write, or --all (not both)")
    if options.pdf and (options.all or len(options.years) != 1):
        arguments.error("--pdf prints one year's roundup: name exactly one YEAR")
    if options.pdf and (options.check or options.dry_run):
        arguments.error("--pdf writes the roundup first; it cannot be combined with --check or --dry-run")

    settings = settings_or_exit(options.config_file)
    result = load_or_exit(settings)
    print_problems(result.problems)
    if result.errors:
        count = len(result.errors)
        print(f"error: {count} {'error' if count == 1 else 'errors'} in the content (listed above); "
              "fix them and run the roundup again", file=sys.stderr)
        return EXIT_PROBLEM

    index = Index(result.catalogue)
    available = case_years(index)
    years = sorted(set(options.years), reverse=True) if options.years else available
    missing = [year for year in years if year not in available]
    if missing:
        have = ", ".join(str(year) for year in available) or "none"
        for year in missing:
            print(f"error: {year}: no published case is dated in that year (years with cases: {have})",
                  file=sys.stderr)
        return EXIT_PROBLEM

    try:
        plans = plan_roundups(settings.docs_dir, index, years)
    except RoundupFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_PROBLEM

    if options.check or options.dry_run:
        return _report(plans, check=options.check, diff=options.dry_run)
    for plan in plans:
        written = plan.write()
        print(f"{plan.year}: wrote {', '.join(written)}" if written else f"{plan.year}: up to date, nothing written")
    if options.pdf:
        return _pdf(settings.config_file, years[0], options.pdf)
    return EXIT_OK


def _report(plans: list[RoundupPlan], *, check: bool, diff: bool) -> int:
    stale = []
    for plan in plans:
        charts = plan.stale_charts()
        if diff:
            sys.stdout.write(plan.diff())
            for chart in charts:
                print(f"{chart.src_uri}: chart would be redrawn", file=sys.stderr)
        if not plan.text_is_current or charts:
            stale.append(plan)
    if not check:
        return EXIT_OK
    for plan in stale:
        what = "missing" if plan.old_text is None else "out of date"
        files = [plan.src_uri] if not plan.text_is_current else []
        files += [chart.src_uri for chart in plan.stale_charts()]
        print(f"stale: {plan.year}: {', '.join(files)} {'is' if len(files) == 1 else 'are'} {what} "
              f"(run: make roundups, or .venv/bin/python scripts/roundup.py {plan.year})")
    if stale:
        print(f"{len(stale)} stale roundup(s): {', '.join(str(plan.year) for plan in stale)}")
        return EXIT_PROBLEM
    print(f"roundups up to date: {', '.join(str(plan.year) for plan in plans)}")
    return EXIT_OK


def _pdf(config_file: Path, year: int, out: Path) -> int:
    from shangliang.roundup.pdf import PdfError, page_to_pdf

    print(f"building the site and printing /roundups/{year}/ …", file=sys.stderr, flush=True)
    try:
        pages = page_to_pdf(config_file, f"roundups/{year}/", out)
    except PdfError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"wrote {out} ({pages} {'page' if pages == 1 else 'pages'}, A4)")
    return EXIT_OK


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. `--dry-run | head`: the reader stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_PROBLEM)
