"""Benchmark: what one hostile content file costs a build, `scripts/check.py` and the preview.

For each class of hostile file (a list 5,000 levels deep, a YAML alias bomb, a 2 MiB
body, a cover linked to /etc/passwd …): write a small valid synthetic site (one brand, its
districts, six cases; bench/synthetic_tree.py) plus that ONE file, in a temporary folder
outside the repository's content/, and run, `--runs` times each, `mkdocs build`,
`scripts/check.py` and (unless `--skip-preview`) `mkdocs serve --dirty` until it serves
the home page. Reports the median wall time, the peak memory of the process tree, the
exit codes and whether anything printed a traceback, against the targets of the
hostile-content issue: no build takes more than 5 s or 1 GiB on any single hostile file.
Prints a table; `--json` writes every figure; `--write-markdown` rewrites the hostile
section of BENCHMARKS.md. See BENCHMARKS.md.

The package, by job:

- `__main__`: the command — its options (`--help`), `--quick`, `--smoke`, the JSON and BENCHMARKS.md written
- `classes`: the classes of hostile file, how each is written, and the small valid site it joins
- `run`: one class's site built, checked and previewed, each command's time and memory; the whole run
- `report`: each class against the targets (pass, over, fail; its findings), the table, BENCHMARKS.md's section

The names the tests and other callers use are re-exported here.
"""

from bench.hostile.classes import BY_KEY, CLASSES, COVER, HOSTILE, QUICK_CLASSES, SMOKE_CLASSES, Hostile
from bench.hostile.report import END, START, markdown, write_markdown

__all__ = [
    "BY_KEY", "CLASSES", "COVER", "END", "HOSTILE", "QUICK_CLASSES", "SMOKE_CLASSES", "START", "Hostile", "markdown",
    "write_markdown",
]  # fmt: skip
