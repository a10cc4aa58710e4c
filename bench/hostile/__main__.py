"""The command: `python -m bench.hostile` (`make bench-hostile`; `--help` for its options)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import bench.hostile
from bench.hostile.classes import BY_KEY, CLASSES, QUICK_CLASSES, SMOKE_CLASSES, Hostile
from bench.hostile.report import markdown, write_markdown
from bench.hostile.run import REPO, run, save, say


def _classes(text: str) -> list[Hostile]:
    keys = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [key for key in keys if key not in BY_KEY]
    if unknown or not keys:
        raise argparse.ArgumentTypeError(f"unknown class {', '.join(unknown) or '(none)'}; known: {', '.join(BY_KEY)}")
    return [BY_KEY[key] for key in keys]


def main(argv: Sequence[str] | None = None) -> int:
    classes = "\n".join(f"  {hostile.key:20} {hostile.label}" for hostile in CLASSES)
    parser = argparse.ArgumentParser(
        prog="python -m bench.hostile",
        description=bench.hostile.__doc__.split("\n\n")[0] if bench.hostile.__doc__ else None,
        epilog=f"classes:\n{classes}\n\nexample:\n  python -m bench.hostile --runs 3 --json bench-output/hostile.json "
        "--write-markdown",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=3, help="runs of each command per class (default: 3)")
    parser.add_argument("--json", type=Path, metavar="OUT",
                        help="write every figure, each run included, to OUT (default: bench-output/hostile.json)")
    parser.add_argument("--classes", type=_classes, default=list(CLASSES), metavar="A,B",
                        help="only these classes (default: all; see below)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the small synthetic site (default: 1)")
    parser.add_argument("--skip-preview", action="store_true", help="do not measure `mkdocs serve --dirty`")
    parser.add_argument("--work", type=Path, metavar="DIR",
                        help="write the sites and logs here and keep them (default: a temporary folder, removed)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")
    parser.add_argument("--quick", action="store_true",
                        help=f"smoke run for the tests: classes {', '.join(QUICK_CLASSES)}; 1 run")
    parser.add_argument("--smoke", action="store_true",
                        help=f"the tests' smoke run: classes {', '.join(SMOKE_CLASSES)}; 1 run")
    parser.add_argument("--write-markdown", action="store_true", help="rewrite the hostile section of BENCHMARKS.md")
    options = parser.parse_args(argv)  # fmt: skip
    options.argv = list(sys.argv[1:] if argv is None else argv)
    if options.quick and options.smoke:
        parser.error("--quick and --smoke are two sizes of run: choose one")
    if options.quick or options.smoke:
        options.runs = 1
        if options.classes == list(CLASSES):
            options.classes = [BY_KEY[key] for key in (SMOKE_CLASSES if options.smoke else QUICK_CLASSES)]
    if options.runs < 1:
        parser.error("--runs: expected at least 1")
    if options.work is not None:
        work = options.work.resolve()
        if work == REPO or REPO / "content" in (work, *work.parents):
            parser.error(f"--work: {work}: synthetic data never goes into the repository or its content")
    options.json = (options.json or REPO / "bench-output" / "hostile.json").resolve()
    result = run(options)
    save(options.json, result)
    table = markdown(result)
    print(table)
    say(f"wrote {options.json}")
    if options.write_markdown:
        write_markdown(REPO / "BENCHMARKS.md", table)
        say(f"updated {REPO / 'BENCHMARKS.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
