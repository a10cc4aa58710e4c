"""Benchmark: build time, memory and page weight of synthetic trees, against plain MkDocs + Material.

For each size: generate a synthetic tree (bench/synthetic_tree.py), then build it
alternately with the project's configuration ("ours") and with plain MkDocs + Material
("plain", the floor), `--pairs` times each. At the largest size also: gzipped weight of
home, brand, district and case pages; the bytes one search downloads in headless
Chromium; the time of scripts/check.py and scripts/roundup.py --all. Then one edit under
`mkdocs serve --dirty` at `--serve-size` cases. Writes OUT/bench.json, prints a table and
compares every figure with its target. See BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench import measure, report, synthetic_tree
from bench.finder_bytes import measure_finder
from bench.search import measure_search, probe_case
from bench.search_bytes import measure_searches

REPO = Path(__file__).resolve().parent.parent
QUICK_SIZES = (6, 12)
SMOKE_SIZE = 6
"""The tests' smoke run (`--smoke`): one tree this small, every figure measured once (see `main`)."""
SERVE_COMMANDS = {False: "mkdocs serve", True: "mkdocs serve --dirty"}


def say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def _summary(runs: list[measure.Run], cases: int) -> dict[str, Any]:
    median = statistics.median(run.seconds for run in runs)
    return {
        "runs": [run.as_dict() for run in runs],
        "median_seconds": round(median, 3),
        "median_peak_bytes": int(statistics.median(run.peak_bytes for run in runs)),
        "max_peak_bytes": max(run.peak_bytes for run in runs),
        "seconds_per_case": median / cases,
    }


def _build(label: str, config: Path, site_dir: Path, logs: Path, number: int) -> measure.Run:
    if site_dir.exists():
        shutil.rmtree(site_dir)
    log = logs / f"{label}-{number}.log"
    run = measure.run_measured(measure.build_command(config, site_dir), cwd=config.parent, log=log)
    if run.exit_code != 0:
        raise SystemExit(f"bench: the {label} build failed (exit {run.exit_code}); see {log}")
    say(f"  {label} build {number}: {run.seconds:.1f} s, peak {run.peak_bytes / report.MIB:.0f} MiB")
    return run


def bench_size(cases: int, options: argparse.Namespace, out: Path) -> tuple[dict[str, Any], Path, dict[str, Any]]:
    tree = out / "trees" / str(cases)
    say(f"{cases:,} cases: generating {tree}")
    manifest = synthetic_tree.generate(tree, cases, options.seed)
    config, plain = tree / "mkdocs.yml", measure.plain_config(tree, manifest)
    logs = out / "logs" / str(cases)
    ours_runs: list[measure.Run] = []
    plain_runs: list[measure.Run] = []
    for number in range(1, options.pairs + 1):
        # Alternate which goes first, so a slow spell of the machine hits both alike.
        order = ("ours", "plain") if number % 2 else ("plain", "ours")
        for label in order:
            if label == "ours":
                ours_runs.append(_build("ours", config, tree / "site-ours", logs, number))
            elif not options.skip_plain:
                plain_runs.append(_build("plain", plain, tree / "site-plain", logs, number))
    entry: dict[str, Any] = {"cases": cases, "ours": _summary(ours_runs, cases)}
    if plain_runs:
        ratios = [o.seconds / p.seconds for o, p in zip(ours_runs, plain_runs, strict=True)]
        entry.update(plain=_summary(plain_runs, cases), paired_ratios=[round(r, 3) for r in ratios],
                     ratio=round(statistics.median(ratios), 3))  # fmt: skip
    return entry, tree, manifest


def _save(out: Path, result: dict[str, Any]) -> None:
    (out / "bench.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def run(options: argparse.Namespace) -> dict[str, Any]:
    out: Path = options.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    load_before = measure.load_average()
    result: dict[str, Any] = {
        "generated": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": " ".join(["python -m bench", *options.argv]),
        "settings": {
            "sizes": options.sizes, "pairs": options.pairs, "seed": options.seed, "serve_size": options.serve_size,
            "memory": "peak VmRSS summed over the build's process tree, sampled every 50 ms "
                      "(or the largest process's ru_maxrss when higher)",
        },
        "sizes": [],
    }
    tree = Path()
    manifest: dict[str, Any] = {}
    for cases in options.sizes:
        entry, tree, manifest = bench_size(cases, options, out)
        result["sizes"].append(entry)
        _save(out, result)  # the builds so far survive a later failure
    if len(result["sizes"]) >= 2:
        first, last = result["sizes"][0], result["sizes"][-1]
        ratio = last["ours"]["median_seconds"] / first["ours"]["median_seconds"]
        result["scaling"] = {"from": first["cases"], "to": last["cases"], "time_ratio": round(ratio, 3)}
    largest = result["sizes"][-1]["cases"]
    probe = probe_case(manifest)
    result["page_weights"] = measure.page_weights(tree / "site-ours", manifest, probe["url"])
    if options.skip_browser:
        result["search"] = {"available": False, "note": "skipped (--skip-browser)"}
    else:
        say(f"{largest:,} cases: one search for {probe['query']!r} in headless Chromium")
        try:
            result["search"] = measure_search(tree / "site-ours", probe, out / "serve")
        except Exception as error:  # a browser or server failure must not lose the builds' figures
            result["search"] = {"available": False, "note": f"search measurement failed: {error}"}
        if options.smoke:  # five more browser contexts; the one search above is the smoke run's
            result["search_kinds"] = {"available": False, "note": "skipped (--smoke measures one search)"}
        else:
            say(f"{largest:,} cases: searches of several kinds (bytes, time to first results) in headless Chromium")
            try:
                result["search_kinds"] = measure_searches(tree / "site-ours", tree, manifest, out / "serve-searches")
            except Exception as error:  # as for the search: the builds' figures are kept
                result["search_kinds"] = {"available": False, "note": f"search measurement failed: {error}"}
        say(f"{largest:,} cases: the case finder opened and two filters ticked, in headless Chromium")
        try:
            result["finder"] = measure_finder(tree / "site-ours", out / "serve-finder")
        except Exception as error:  # as for the search: the builds' figures are kept
            result["finder"] = {"available": False, "note": f"finder measurement failed: {error}"}
    say(f"{largest:,} cases: scripts/check.py and scripts/roundup.py --all")
    logs = out / "logs" / str(largest)
    # The smoke run checks the roundups rather than drawing every year's chart: the figure is the command's, not ours.
    roundup_args = ["--all", "--check"] if options.smoke else ["--all"]
    result["scripts"] = {
        "check": measure.time_script("check.py", [], tree, logs),
        "roundup": measure.time_script("roundup.py", roundup_args, tree, logs),
    }
    if options.serve_size:
        serve_tree = out / "trees" / f"serve-{options.serve_size}"
        result["serve_edit"] = {}
        for dirty in (False, True):  # `make serve` runs plain `mkdocs serve`; --dirty is the editor's fast option
            command = SERVE_COMMANDS[dirty]
            if not dirty and options.skip_serve_plain:
                result["serve_edit"][command] = {"command": command, "cases": options.serve_size,
                                                 "note": "skipped (--smoke measures mkdocs serve --dirty only)"}
                continue
            say(f"{options.serve_size:,} cases: one edit under {command} ({serve_tree})")
            serve_manifest = synthetic_tree.generate(serve_tree, options.serve_size, options.seed)
            result["serve_edit"][command] = measure.serve_edit(
                serve_tree, serve_manifest, out / "logs" / f"serve-{options.serve_size}", dirty=dirty,
                edit_timeout=20 if options.quick or options.smoke else 600,
            )
    result["machine"] = {**measure.machine(), "load_before": load_before, "load_after": measure.load_average()}
    result["targets"] = report.targets(result)
    return result


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        message = f"expected case counts separated by commas, e.g. 1000,10000 (got {text!r})"
        raise argparse.ArgumentTypeError(message) from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError(f"expected positive case counts (got {text!r})")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        epilog="example:\n  python -m bench --sizes 1000,10000 --pairs 3 --write-markdown",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", type=_sizes, default=[1000, 10000], help="case counts (default: 1000,10000)")
    parser.add_argument("--pairs", type=int, default=3, help="builds of each kind per size, alternating (default: 3)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic trees (default: 1)")
    parser.add_argument("--out", type=Path, default=REPO / "bench-output", help="output folder (default: bench-output)")
    parser.add_argument("--serve-size", type=int, default=5000, metavar="N",
                        help="cases of the tree for the preview edit; 0 skips it (default: 5000)")  # fmt: skip
    parser.add_argument("--skip-plain", action="store_true", help="build only ours (no ratio)")
    parser.add_argument("--skip-browser", action="store_true", help="do not measure the search download")
    quick = f"smoke run for the tests: sizes {QUICK_SIZES}, 1 pair, preview at {QUICK_SIZES[-1]} cases"
    parser.add_argument("--quick", action="store_true", help=quick)
    smoke = (f"the tests' smoke run: one tree of {SMOKE_SIZE} cases built once each way, one search (not the several "
             "kinds), the finder, check.py and roundup.py --all --check, one edit under mkdocs serve --dirty (plain "
             "mkdocs serve reported as skipped)")
    parser.add_argument("--smoke", action="store_true", help=smoke)
    parser.add_argument("--write-markdown", action="store_true", help="rewrite the results section of BENCHMARKS.md")
    options = parser.parse_args(argv)
    options.argv = list(sys.argv[1:] if argv is None else argv)
    options.skip_serve_plain = options.smoke
    if options.quick and options.smoke:
        parser.error("--quick and --smoke are two sizes of run: choose one")
    if options.quick:
        options.sizes, options.pairs, options.serve_size = list(QUICK_SIZES), 1, QUICK_SIZES[-1]
    if options.smoke:
        options.sizes, options.pairs, options.serve_size = [SMOKE_SIZE], 1, SMOKE_SIZE
    if options.pairs < 1:
        parser.error("--pairs: expected at least 1")
    result = run(options)
    out = options.out.resolve()
    _save(out, result)
    table = report.markdown(result)
    print(table)
    say(f"wrote {out / 'bench.json'}")
    if options.write_markdown:
        report.write_markdown(REPO / "BENCHMARKS.md", table)
        say(f"updated {REPO / 'BENCHMARKS.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
