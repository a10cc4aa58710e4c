#!/usr/bin/env python3
"""Check the whole content tree without building: every problem in one run, as the build reports it."""

from __future__ import annotations

import json
import os
import sys

from shangliang.cli.common import EXIT_OK, EXIT_PROBLEM, load_or_exit, parser, problem_line, settings_or_exit
from shangliang.cli.report import ContentReport, field_line
from shangliang.model import Problem
from shangliang.pages.grouping import Index
from shangliang.roundup.files import stale_roundups

DESCRIPTION = """\
Check every file under the content folder the way `mkdocs build` does, without building.

Text output: one line per problem (severity: file: field: what is wrong and what is
allowed), the same lines the build prints, then a one-line summary. JSON output
(--format json): an object with `problems` (severity, file, path, line, field, message,
text) and `counts`, for CI annotations; see shangliang/content_report.py.

A roundup (content/roundups/<year>.md) that the published cases have made out of date
is a warning naming the command that fixes it (make roundups).

Exit status: 0 no errors (and, with --strict, no warnings); 1 errors, or warnings
with --strict; 2 bad usage, an unreadable mkdocs.yml or a missing content folder."""


def main(argv: list[str] | None = None) -> int:
    arguments = parser("check.py", DESCRIPTION, "python scripts/check.py --strict --format json > problems.json")
    arguments.add_argument("--strict", action="store_true",
                           help="warnings fail the check too, as in `mkdocs build --strict`")
    arguments.add_argument("--format", choices=("text", "json"), default="text",
                           help="output format (default: text)")
    options = arguments.parse_args(argv)

    settings = settings_or_exit(options.config_file)
    result = load_or_exit(settings)
    if not result.errors:  # roundups are worked out from a tree without errors
        result.problems.extend(stale_roundups(settings.docs_dir, Index(result.catalogue)))
    report = ContentReport.of(result)

    if options.format == "json":
        docs_dir = settings.docs_dir

        def path_of(src_uri: str) -> str:
            return os.path.normpath(docs_dir / src_uri)

        def line_of(problem: Problem) -> int | None:
            try:
                text = (docs_dir / problem.src_uri).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                return None
            return field_line(text, problem.field)

        document = report.as_json(path_of=path_of, line_of=line_of, strict=options.strict)
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for problem in report.problems:
            print(problem_line(problem))
        print(report.summary())
    return EXIT_PROBLEM if report.failed(strict=options.strict) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
