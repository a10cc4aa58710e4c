#!/usr/bin/env python3
"""Check the whole content tree without building: every problem in one run, as the build reports it.

Its words are in `shangliang.cli.check_texts` (Chinese, or English with `--lang en`)."""

from __future__ import annotations

import json
import os
import sys

from shangliang.cli.check_texts import DESCRIPTION, EXAMPLE, FORMAT_HELP, STRICT_HELP
from shangliang.cli.common import EXIT_OK, EXIT_PROBLEM, load_or_exit, parser, problem_line, settings_or_exit
from shangliang.cli.language import choose_language
from shangliang.cli.report import ContentReport, field_line
from shangliang.model import Problem
from shangliang.pages.grouping import Index
from shangliang.roundup.files import stale_roundups


def main(argv: list[str] | None = None) -> int:
    choose_language(argv)
    arguments = parser("check.py", DESCRIPTION, EXAMPLE)
    arguments.add_argument("--strict", action="store_true", help=STRICT_HELP())
    arguments.add_argument("--format", choices=("text", "json"), default="text", help=FORMAT_HELP())
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
