"""One class measured: its site written, then `mkdocs build`, `scripts/check.py` and the preview
timed, `--runs` times each, with their peak memory and what they printed; and the whole run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import measure
from bench.hostile.classes import CASES, HOSTILE_FILES, Hostile, write_site
from bench.hostile.report import LIMIT_BYTES, LIMIT_SECONDS, findings, verdict
from bench.report import GIB, MIB
from shangliang.local_site import free_port

REPO = Path(__file__).resolve().parents[2]
HANG_GUARD = 300.0
"""Seconds after which a run is killed (and reported as such): a hang is a finding, not a wait."""
MEMORY_GUARD = 4 * GIB
"""Resident memory of a run's process tree above which it is killed: a runaway must not take the machine down."""
PREVIEW_SETTLE = 2.0
"""Seconds the preview keeps being sampled after it first serves (its background job: search, data, feeds)."""

TRACEBACK = "Traceback (most recent call last)"
TRACEBACK_LINES = 24
PROBLEM_LINE = re.compile(r"^(?:ERROR|WARNING) +- +shangliang: .*$", re.MULTILINE)
CODE_PATHS = ("plugins", "overrides", "scripts", "mkdocs.yml")
"""What a build runs of the repository (its fingerprint is recorded before and after the runs)."""
PASSWD_MARK = b"root:x:0:0:"


def say(message: str) -> None:
    print(f"bench.hostile: {message}", file=sys.stderr, flush=True)


def traceback_of(text: str) -> str | None:
    """The first traceback in `text` (up to its exception line), or None."""
    start = text.find(TRACEBACK)
    if start < 0:
        return None
    lines = text[start:].splitlines()
    end = next((i for i, line in enumerate(lines[1:], start=1) if line and not line[0].isspace()), len(lines) - 1)
    lines = lines[: end + 1]
    if len(lines) > TRACEBACK_LINES:  # the header, then the innermost frames and the exception
        lines = [lines[0], "  …", *lines[-(TRACEBACK_LINES - 2) :]]
    return "\n".join(line[:300] for line in lines)


def _log_facts(log: Path) -> dict[str, Any]:
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    facts: dict[str, Any] = {"traceback": traceback_of(text)}
    lines = [line for line in PROBLEM_LINE.findall(text) if any(name in line for name in HOSTILE_FILES)]
    if lines:
        facts["problem_line"] = lines[0][:300]
    return facts


def _summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    tracebacks = [run["traceback"] for run in runs if run.get("traceback")]
    return {
        "runs": runs,
        "median_seconds": round(statistics.median(run["seconds"] for run in runs), 3),
        "peak_bytes": max(run["peak_bytes"] for run in runs),
        "exit_codes": sorted({run["exit_code"] for run in runs}),
        "killed": any(run.get("killed") for run in runs),
        "traceback": tracebacks[0] if tracebacks else None,
        "problem_line": next((run["problem_line"] for run in runs if run.get("problem_line")), None),
    }


def _measured(command: list[str], cwd: Path, log: Path) -> dict[str, Any]:
    run = measure.run_measured(command, cwd=cwd, log=log, timeout=HANG_GUARD, kill_above_bytes=MEMORY_GUARD)
    entry: dict[str, Any] = {**run.as_dict(), **_log_facts(log)}
    if run.exit_code == -signal.SIGKILL:
        entry["killed"] = "memory guard" if run.peak_bytes > MEMORY_GUARD else f"hang guard ({HANG_GUARD:.0f} s)"
    return entry


def measure_build(tree: Path, logs: Path, number: int) -> dict[str, Any]:
    site_dir = tree / "site"
    if site_dir.exists():
        shutil.rmtree(site_dir)
    entry = _measured(measure.build_command(tree / "mkdocs.yml", site_dir), tree, logs / f"build-{number}.log")
    return entry


def measure_check(tree: Path, logs: Path, number: int) -> dict[str, Any]:
    command = [sys.executable, str(REPO / "scripts" / "check.py"), "-f", str(tree / "mkdocs.yml")]
    return _measured(command, tree, logs / f"check-{number}.log")


def reported_codes(tree: Path) -> list[str]:
    """Every problem check.py's JSON reports, as `severity:code` (prefixed by the file unless it is the
    hostile file), once each. Not timed: the timed runs use check.py's text output, as an editor does."""
    command = [sys.executable, str(REPO / "scripts" / "check.py"), "--format", "json", "-f", str(tree / "mkdocs.yml")]
    try:
        result = subprocess.run(command, cwd=tree, capture_output=True, text=True, timeout=HANG_GUARD,
                                env=measure.ENV, errors="replace")  # fmt: skip
        problems = json.loads(result.stdout)["problems"]
    except (subprocess.TimeoutExpired, ValueError, KeyError):
        return ["(check.py --format json gave no report)"]
    codes: list[str] = []
    for problem in problems:
        where = "" if problem.get("file") in HOSTILE_FILES else f"{problem.get('file')}: "
        name = problem.get("code") or f"{problem.get('field')} (no code)"
        code = f"{where}{problem.get('severity')}:{name}"
        if code not in codes:
            codes.append(code)
    return codes


def _reap(pid: int) -> tuple[int, Any] | None:
    """(exit code, rusage) of the child `pid` if it has exited (it is reaped), else None."""
    found, status, usage = os.wait4(pid, os.WNOHANG)
    return (os.waitstatus_to_exitcode(status), usage) if found else None


def measure_preview(tree: Path, logs: Path, number: int) -> dict[str, Any]:
    """`mkdocs serve --dirty` (as `make serve`) until `GET /` answers, then PREVIEW_SETTLE s more.

    Seconds: from start to the first answer. Peak: the process tree's resident memory over the
    whole run, sampled as `measure.run_measured` samples it (or the largest process's peak when higher).
    """
    port = free_port()
    log = logs / f"preview-{number}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}",
               "-f", str(tree / "mkdocs.yml")]  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    peak = largest = 0
    served: float | None = None
    killed: str | None = None
    exited: tuple[int, Any] | None = None  # (exit code, rusage) once reaped: wait4 only, never poll()
    with log.open("wb") as output:
        own_peak = measure.own_high_water()
        started = time.perf_counter()
        server = subprocess.Popen(command, cwd=tree, stdout=output, stderr=subprocess.STDOUT, env=measure.ENV)
        next_poll = started
        while (exited := _reap(server.pid)) is None:
            now = time.perf_counter()
            rss = measure._tree_rss(server.pid)
            peak = max(peak, rss)
            largest = max(largest, measure.tree_high_water(server.pid))
            if rss > MEMORY_GUARD:
                killed = "memory guard"
            elif served is None and now - started > HANG_GUARD:
                killed = f"hang guard ({HANG_GUARD:.0f} s)"
            elif served is not None and now - started > served + PREVIEW_SETTLE:
                break
            if killed:
                measure.kill_tree(server.pid)
                break
            if served is None and now >= next_poll:
                if measure._get(url) is not None:
                    served = time.perf_counter() - started
                next_poll = time.perf_counter() + 0.1
            time.sleep(measure.SAMPLE_SECONDS)
        ended = time.perf_counter() - started
        if exited is None and not killed:
            server.send_signal(signal.SIGINT)
        deadline = time.perf_counter() + 30
        while exited is None:
            time.sleep(measure.SAMPLE_SECONDS)
            exited = _reap(server.pid)
            if exited is None and time.perf_counter() > deadline:
                measure.kill_tree(server.pid)
                deadline = time.perf_counter() + 30
    server.returncode, usage = exited
    largest = max(largest, measure.child_max_rss(usage, own_peak))
    seconds = round(served if served is not None else ended, 3)
    entry: dict[str, Any] = {"seconds": seconds, "served": served is not None, "peak_tree_rss_bytes": peak,
                             "max_process_rss_bytes": largest, "peak_bytes": max(peak, largest),
                             "exit_code": server.returncode, **_log_facts(log)}  # fmt: skip
    if killed:
        entry["killed"] = killed
    return entry


def bench_class(hostile: Hostile, options: argparse.Namespace, work: Path) -> dict[str, Any]:
    tree = work / hostile.key
    logs = tree / "logs"
    written = write_site(tree, hostile, options.seed)
    size = f", {written['bytes']:,} bytes" if "bytes" in written else ""
    say(f"{hostile.key}: {hostile.label}{size}")
    entry: dict[str, Any] = {"key": hostile.key, "label": hostile.label, **written}
    builds = [measure_build(tree, logs, number) for number in range(1, options.runs + 1)]
    entry["build"] = _summary(builds)
    if hostile.key == "cover-symlink":  # None: the build stopped at the errors and wrote no site
        site_dir = tree / "site"
        entry["passwd_in_site"] = None if not site_dir.exists() else any(
            PASSWD_MARK in path.read_bytes() for path in site_dir.rglob("*") if path.is_file()
        )
    entry["check"] = _summary([measure_check(tree, logs, number) for number in range(1, options.runs + 1)])
    entry["reported"] = reported_codes(tree)
    if not options.skip_preview:
        entry["preview"] = _summary([measure_preview(tree, logs, number) for number in range(1, options.runs + 1)])
    entry["status"] = verdict(entry)
    entry["findings"] = findings(entry)
    figures = ", ".join(
        f"{kind} {entry[kind]['median_seconds']:.2f} s {entry[kind]['peak_bytes'] / MIB:.0f} MiB "
        f"exit {'/'.join(map(str, entry[kind]['exit_codes']))}"
        for kind in ("build", "check", "preview") if entry.get(kind)
    )  # fmt: skip
    say(f"  {figures}: {entry['status']}")
    return entry


def provenance() -> dict[str, Any]:
    """The commit measured, and whether the code a build runs differs from it (others may be editing)."""

    def git(*args: str) -> str:
        try:
            result = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            return ""
        return result.stdout.rstrip("\n") if result.returncode == 0 else ""

    changed = git("status", "--porcelain", "--", *CODE_PATHS).splitlines()
    digest = hashlib.sha256()
    for path in sorted(path for name in CODE_PATHS for path in [REPO / name, *(REPO / name).rglob("*")]):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return {"commit": git("rev-parse", "--short", "HEAD") or "unknown", "uncommitted": [line[3:] for line in changed],
            "fingerprint": digest.hexdigest()[:16]}  # fmt: skip


def run(options: argparse.Namespace) -> dict[str, Any]:
    load_before = measure.load_average()
    result: dict[str, Any] = {
        "generated": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": " ".join(["python -m bench.hostile", *options.argv]),
        "settings": {
            "runs": options.runs, "seed": options.seed, "cases": CASES, "preview": not options.skip_preview,
            "limit_seconds": LIMIT_SECONDS, "limit_bytes": LIMIT_BYTES,
            "hang_guard_seconds": HANG_GUARD, "memory_guard_bytes": MEMORY_GUARD,
            "memory": "peak VmRSS summed over the process tree, sampled every 50 ms "
                      "(or the largest process's ru_maxrss when higher); the maximum over the runs",
        },
        "classes": [],
    }  # fmt: skip
    result["code"] = provenance()  # before the runs too: the code may change while they run
    work = Path(tempfile.mkdtemp(prefix="shangliang-hostile-")) if options.work is None else options.work.resolve()
    try:
        for hostile in options.classes:
            result["classes"].append(bench_class(hostile, options, work))
            if options.json:
                save(options.json, result)  # the classes so far survive a later failure
    finally:
        if options.work is None and not options.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            say(f"trees, sites and logs kept in {work}")
    result["machine"] = {**measure.machine(), "load_before": load_before, "load_after": measure.load_average()}
    result["code_after"] = provenance()
    result["settings"]["bench_process_peak_bytes"] = measure.own_high_water()
    result["findings"] = [finding for entry in result["classes"] for finding in entry["findings"]]
    return result


def save(path: Path, result: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
