"""`python -m bench --smoke` runs end to end on one tiny tree and prints every figure of issue 4;
`python -m bench.hostile --smoke` measures one hostile file beside the valid site and reports both.

Not a timed test: it checks the benchmark works and its figures are consistent, not
that the project meets its targets (that is BENCHMARKS.md's job, on a quiet machine).
The smoke runs are as small as still measures every figure once: one tree of
`bench.SMOKE_SIZE` cases, one build of each kind, one edit under `mkdocs serve --dirty`.
The two commands start together and run side by side: most of their time is spent
waiting (for a server to answer, a browser to settle, a preview to rebuild).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sites import REPO

from bench import hostile as bench_hostile
from bench import report as bench_report
from bench.__main__ import SMOKE_SIZE
from shangliang.local_site import chromium_path

FIGURES = {
    "full build, ours / plain (median of pairs)",
    "build time largest / smallest size (needs two sizes)",
    "peak memory of a build (process tree)",
    "bytes for one search, intended case found",
    "bytes for opening the finder and ticking two filters",
    "district pages (largest district), gzip",
    "brand page (largest), gzip",
    "preview shows an edit, lists complete (mkdocs serve)",
    "preview shows an edit, lists complete (mkdocs serve --dirty)",
    "scripts/check.py",
    "scripts/roundup.py --all",
}


@dataclass
class SmokeRun:
    """One benchmark command started in the background; `finished()` waits for it, then reads its JSON."""

    process: subprocess.Popen[bytes]
    report: Path
    logs: Path

    @classmethod
    def start(cls, args: list[str], report: Path) -> SmokeRun:
        logs = report.with_suffix(".log")
        with (report.parent / "stdout.txt").open("wb") as stdout, logs.open("wb") as stderr:
            process = subprocess.Popen([sys.executable, "-m", *args], stdout=stdout, stderr=stderr, cwd=REPO)
        return cls(process, report, logs)

    def finished(self) -> tuple[dict[str, Any], str]:
        code = self.process.wait(timeout=300)
        assert code == 0, self.logs.read_text(encoding="utf-8", errors="replace")[-3000:]
        stdout = (self.report.parent / "stdout.txt").read_text(encoding="utf-8")
        return json.loads(self.report.read_text(encoding="utf-8")), stdout


@pytest.fixture(scope="module")
def smoke_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SmokeRun]:
    """`python -m bench --smoke` and `python -m bench.hostile --smoke`, started side by side."""
    out, hostile = tmp_path_factory.mktemp("bench"), tmp_path_factory.mktemp("bench-hostile")
    return {
        "bench": SmokeRun.start(["bench", "--smoke", "--out", str(out)], out / "bench.json"),
        "hostile": SmokeRun.start(["bench.hostile", "--smoke", "--json", str(hostile / "hostile.json")],
                                  hostile / "hostile.json"),
    }  # fmt: skip


@pytest.fixture(scope="module")
def smoke(smoke_runs: dict[str, SmokeRun]) -> tuple[dict[str, Any], str]:
    return smoke_runs["bench"].finished()


def test_both_builds_are_measured_once_on_the_smallest_tree(smoke: tuple[dict[str, Any], str]) -> None:
    report, _ = smoke
    assert [size["cases"] for size in report["sizes"]] == [SMOKE_SIZE]
    for size in report["sizes"]:
        for kind in ("ours", "plain"):
            runs = size[kind]["runs"]
            assert len(runs) == 1
            assert all(run["seconds"] > 0 and run["exit_code"] == 0 for run in runs)
            assert all(run["peak_tree_rss_bytes"] > 20 * 2**20 for run in runs), "a build takes tens of MiB"
            assert all(run["peak_bytes"] >= run["max_process_rss_bytes"] for run in runs)
            assert size[kind]["median_seconds"] == runs[0]["seconds"]
        ours, plain = size["ours"]["runs"][0]["seconds"], size["plain"]["runs"][0]["seconds"]
        assert size["ratio"] == pytest.approx(ours / plain, abs=1e-3)
        assert size["ours"]["seconds_per_case"] == pytest.approx(ours / size["cases"])
    assert "scaling" not in report  # one size: nothing to scale from, and the table says so


def test_page_weights_are_gzipped_sizes_of_built_pages(smoke: tuple[dict[str, Any], str]) -> None:
    weights = smoke[0]["page_weights"]
    assert set(weights) >= {"home", "brand", "district", "case"}
    for kind, entry in weights.items():
        assert 0 < entry["gzip_bytes"] < entry["bytes"], kind
    assert weights["district"]["url"].startswith("/districts/") and weights["case"]["url"].startswith("/cases/")


def test_one_search_is_measured_and_finds_its_case(smoke: tuple[dict[str, Any], str]) -> None:
    # The several kinds of query (bench/search_bytes.py), five more browsers, are left to full runs.
    assert smoke[0]["search_kinds"] == {"available": False, "note": "skipped (--smoke measures one search)"}
    search = smoke[0]["search"]
    if chromium_path() is None:
        assert search["available"] is False and "Chromium" in search["note"]
        return
    assert search["available"] and search["found"] and search["rank"] >= 1
    assert len(search["query"].split()) == 2
    assert 10_000 < search["bytes_after_typing"] <= search["bytes"], "Pagefind's files at least"
    assert search["requests"] >= 3


def test_the_case_finder_is_opened_and_two_filters_are_ticked(smoke: tuple[dict[str, Any], str]) -> None:
    finder = smoke[0]["finder"]
    if chromium_path() is None:
        assert finder["available"] is False and "Chromium" in finder["note"]
        return
    assert finder["available"] and finder["complete"], finder
    assert [step["step"].split()[:2] for step in finder["steps"]] == [["open", "/cases/"], ["tick", "district"],
                                                                      ["tick", "year"]]  # fmt: skip
    assert finder["bytes"] == sum(step["bytes"] for step in finder["steps"]) > 10_000
    assert all(step["status"].startswith("共找到") for step in finder["steps"])


def test_scripts_and_the_preview_are_timed(smoke: tuple[dict[str, Any], str]) -> None:
    report = smoke[0]
    for name, script in report["scripts"].items():
        if (REPO / "scripts" / f"{name}.py").exists():
            assert script["available"] and script["seconds"] > 0 and script["exit_code"] in (0, 1), script
        else:
            assert script == {"available": False, "note": f"scripts/{name}.py not available"}
    assert report["scripts"]["roundup"]["command"] == "scripts/roundup.py --all --check"  # no chart drawn
    assert set(report["serve_edit"]) == {"mkdocs serve", "mkdocs serve --dirty"}
    dirty = report["serve_edit"]["mkdocs serve --dirty"]
    assert dirty["cases"] == SMOKE_SIZE and dirty["start_seconds"] > 0
    assert dirty["seconds"] is None or dirty["seconds"] > 0
    assert "skipped" in report["serve_edit"]["mkdocs serve"]["note"]


def test_every_target_is_reported_and_printed(smoke: tuple[dict[str, Any], str]) -> None:
    report, stdout = smoke
    names = {target["name"] for target in report["targets"]}
    assert names == FIGURES
    assert all(target["status"] in ("pass", "over", "n/a") for target in report["targets"])
    status = {target["name"]: target["status"] for target in report["targets"]}
    assert status["build time largest / smallest size (needs two sizes)"] == "n/a"
    assert status["preview shows an edit, lists complete (mkdocs serve)"] == "n/a"
    assert status["full build, ours / plain (median of pairs)"] in ("pass", "over")
    assert f"| {SMOKE_SIZE} | " in stdout  # the builds' table, one row
    assert "`mkdocs serve`: skipped" in stdout
    machine = report["machine"]
    assert machine["cpus"] >= 1 and machine["memory_bytes"] > 0 and len(machine["load_before"]) == 3
    for name in FIGURES:
        assert name in stdout


def test_write_markdown_replaces_only_the_results_section(tmp_path: Path) -> None:
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(f"# Benchmarks\n\nHow to run.\n\n{bench_report.START}\nold table\n{bench_report.END}\n\nMore.\n")
    bench_report.write_markdown(path, "| new | table |\n")
    text = path.read_text()
    assert "old table" not in text and "| new | table |" in text
    assert text.startswith("# Benchmarks\n\nHow to run.\n") and text.endswith("\n\nMore.\n")


# -- python -m bench.hostile ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_smoke(smoke_runs: dict[str, SmokeRun]) -> tuple[dict[str, Any], str]:
    return smoke_runs["hostile"].finished()


def test_the_hostile_benchmark_measures_every_command_of_each_class(hostile_smoke: tuple[dict[str, Any], str]) -> None:
    report, stdout = hostile_smoke
    assert [entry["key"] for entry in report["classes"]] == list(bench_hostile.SMOKE_CLASSES)
    assert report["settings"]["runs"] == 1
    for entry in report["classes"]:
        for kind in ("build", "check", "preview"):
            figures = entry[kind]
            assert len(figures["runs"]) == 1, (entry["key"], kind)
            assert figures["median_seconds"] == figures["runs"][0]["seconds"] > 0, (entry["key"], kind)
            assert figures["peak_bytes"] > 10 * 2**20, f"{entry['key']} {kind}: a Python process takes MiBs"
            assert figures["traceback"] is None, f"{entry['key']} {kind} printed a traceback:\n{figures['traceback']}"
        assert all(run["served"] for run in entry["preview"]["runs"]), f"{entry['key']}: the preview never served"
        assert entry["status"] in ("pass", "over"), entry["findings"]
        assert entry["label"] in stdout
    machine = report["machine"]
    assert len(machine["load_before"]) == 3 and len(machine["load_after"]) == 3


def test_the_hostile_benchmark_builds_a_valid_site_and_each_hostile_file_is_refused(
    hostile_smoke: tuple[dict[str, Any], str],
) -> None:
    by_key = {entry["key"]: entry for entry in hostile_smoke[0]["classes"]}
    baseline = by_key.pop("baseline")
    assert baseline["build"]["exit_codes"] == baseline["check"]["exit_codes"] == [0], baseline["reported"]
    assert baseline["reported"] == []
    for key, entry in by_key.items():
        assert entry["file"] == bench_hostile.HOSTILE and entry["bytes"] > 0, key
        assert entry["build"]["exit_codes"] == entry["check"]["exit_codes"] == [1], key
        assert any(code.startswith("error:") for code in entry["reported"]), (key, entry["reported"])


def test_the_hostile_section_of_benchmarks_md_is_replaced_or_appended(tmp_path: Path) -> None:
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(f"# Benchmarks\n\n{bench_report.START}\nmain table\n{bench_report.END}\n\nMore.\n")
    bench_hostile.write_markdown(path, "| hostile | one |\n")
    first = path.read_text()
    assert first.startswith(f"# Benchmarks\n\n{bench_report.START}\nmain table\n{bench_report.END}\n\nMore.\n")
    assert f"{bench_hostile.START}\n| hostile | one |\n{bench_hostile.END}\n" in first
    bench_hostile.write_markdown(path, "| hostile | two |\n")
    second = path.read_text()
    assert "| hostile | one |" not in second and second.count(bench_hostile.START) == 1
    assert second == first.replace("| hostile | one |", "| hostile | two |")
