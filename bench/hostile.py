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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import measure, report, synthetic_tree
from shangliang.local_site import free_port

REPO = Path(__file__).resolve().parent.parent
START = "<!-- bench:hostile begin -->"
END = "<!-- bench:hostile end -->"

LIMIT_SECONDS = 5.0
LIMIT_BYTES = 1 * report.GIB
HANG_GUARD = 300.0
"""Seconds after which a run is killed (and reported as such): a hang is a finding, not a wait."""
MEMORY_GUARD = 4 * report.GIB
"""Resident memory of a run's process tree above which it is killed: a runaway must not take the machine down."""
PREVIEW_SETTLE = 2.0
"""Seconds the preview keeps being sampled after it first serves (its background job: search, data, feeds)."""

CASES = 6
"""Cases of the small valid site (one brand, its districts)."""
HOSTILE = "cases/2024/hostile.md"
COVER = "cases/2024/cover.jpg"
HOSTILE_FILES = (HOSTILE, COVER)
TRACEBACK = "Traceback (most recent call last)"
TRACEBACK_LINES = 24
PROBLEM_LINE = re.compile(r"^(?:ERROR|WARNING) +- +shangliang: .*$", re.MULTILINE)
CODE_PATHS = ("plugins", "overrides", "scripts", "mkdocs.yml")
"""What a build runs of the repository (its fingerprint is recorded before and after the runs)."""
QUICK_CLASSES = ("baseline", "list-one-line", "yaml-alias-bomb")
PASSWD_MARK = b"root:x:0:0:"


# -- the hostile files -------------------------------------------------------------------------


MARK = "# synthetic: hostile file written by bench/hostile.py; not real content"

Body = str | Callable[[], Iterator[str]]
"""A body: its text, or (for the large ones) a function giving it in pieces, so that this process stays small."""


def _write_case(
    content: Path, district: str, *, extra: str = "", title: str = '"合成的恶意案例"', body: Body = "委员们商量。"
) -> None:
    """`HOSTILE`: a case valid but for what `extra`, `title` or `body` hold; marked synthetic."""
    extra = extra if not extra or extra.endswith("\n") else extra + "\n"
    path = content / HOSTILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        front = f"{MARK}\ntitle: {title}\ndate: 2024-06-18\ndistrict: {district}\nformat: 微协商\n{extra}"
        handle.write(f"---\n{front}---\n\n")
        for piece in [body] if isinstance(body, str) else body():
            handle.write(piece)
        handle.write("\n")


def _nested_list(levels: int, step: int) -> Callable[[], Iterator[str]]:
    """A list `levels` deep, each level indented `step` more spaces (25 MB at 5,000 levels of 2)."""
    return lambda: (" " * (step * level) + f"- 第{level + 1}层\n" for level in range(levels))


def _repeated(unit: str, size: int) -> Callable[[], Iterator[str]]:
    """`unit` repeated until the text is at least `size` bytes of UTF-8, given 1,000 units at a time."""
    count = size // len(unit.encode()) + 1
    return lambda: (unit * min(1000, count - done) for done in range(0, count, 1000))


def _alias_bomb(levels: int = 9, width: int = 9) -> str:
    """The "billion laughs": each level a list of `width` aliases of the level below (9**9 values)."""
    lines = ["l0: &l0 [" + ", ".join(['"哈"'] * width) + "]"]
    lines += [f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]" for level in range(1, levels)]
    return "\n".join(lines)


PARAGRAPH = "委员们围绕路灯建设提出意见，部门当场回应并明确了完成时限。" * 10 + "\n\n"
SENTENCE = "委员们围绕路灯建设提出意见。"

Writer = Callable[[Path, str], None]
"""Writes the hostile file(s) into a site's content folder, given a district key of the site."""


def _case_file(**parts: Any) -> Writer:
    return lambda content, district: _write_case(content, district, **parts)


def _cover_symlink(content: Path, district: str) -> None:
    _write_case(content, district, extra="cover: cover.jpg")
    os.symlink("/etc/passwd", content / COVER)


def _nothing(_content: Path, _district: str) -> None:
    return None


@dataclass(frozen=True)
class Hostile:
    key: str
    label: str
    write: Writer


CLASSES: tuple[Hostile, ...] = (
    Hostile("baseline", "baseline (no hostile file)", _nothing),
    Hostile("list-indented", "list 5,000 levels deep, indented 2 spaces a level",
            _case_file(body=_nested_list(5000, 2))),
    Hostile("list-one-line", "list 5,000 levels deep on one line (`- - - …`)",
            _case_file(body="- " * 5000 + "最深一层")),
    Hostile("blockquote", "block quote 5,000 levels deep (`> > > …`)", _case_file(body="> " * 5000 + "最深一层")),
    Hostile("body-2mib", "body of 2 MiB", _case_file(body=_repeated(PARAGRAPH, 2 * 1024 * 1024))),
    Hostile("yaml-brackets", "YAML nested 100,000 brackets deep",
            _case_file(extra="tags: " + "[" * 100_000 + "电商" + "]" * 100_000)),
    Hostile("yaml-alias-bomb", "YAML alias bomb (billion laughs, 9⁹ values)", _case_file(extra=_alias_bomb())),
    Hostile("yaml-duplicate-keys", "YAML duplicate keys (title, district twice)",
            _case_file(extra='title: "又一个标题"\ndistrict: other')),
    Hostile("controls-field", "NUL, ESC and BEL in a field (title)", _case_file(title='"路灯\\0夜里\\e[31m亮了\\a"')),
    Hostile("controls-body", "NUL, ESC and BEL in the body",
            _case_file(body="第一段。\n\n第二段\x00有\x1b[31m控制\x07字符。\n\n第三段。")),
    Hostile("members-1e23", "members: 1e23 (100000000000000000000000)",
            _case_file(extra="members: 100000000000000000000000")),
    Hostile("html-div", "HTML `<div>` nested 5,000 deep in the body",
            _case_file(body="<div>" * 5000 + "最深一层" + "</div>" * 5000)),
    Hostile("links-one-line", "100,000 links on one line (`[链](#a) `, under 1 MiB)",
            _case_file(body=_repeated("[链](#a) ", 100_000 * len("[链](#a) ".encode()) - 1))),
    Hostile("links-one-paragraph", "40,000 links one a line, in one paragraph (extra: the cost is per paragraph)",
            _case_file(body=_repeated("[链](#a)\n", 40_000 * len("[链](#a)\n".encode()) - 1))),
    Hostile("one-line-900kb", "body of one 900 KB line", _case_file(body=_repeated(SENTENCE, 900 * 1000))),
    Hostile("cover-symlink", "cover image a symlink to /etc/passwd", _cover_symlink),
)  # fmt: skip
BY_KEY = {hostile.key: hostile for hostile in CLASSES}


def write_site(folder: Path, hostile: Hostile, seed: int) -> dict[str, Any]:
    """A small valid synthetic site in `folder`, plus the class's hostile file; what was written."""
    manifest = synthetic_tree.generate(folder, CASES, seed)
    district = next(iter(manifest["brands"].values()))[0]
    hostile.write(folder / "content", district)
    path = folder / "content" / HOSTILE
    written: dict[str, Any] = {"cases": len(manifest["cases"]), "district": district}
    if path.exists():
        written.update(file=HOSTILE, bytes=path.stat().st_size)
    link = folder / "content" / COVER
    if link.is_symlink():
        written.update(link=COVER, target=os.readlink(link))
    return written


# -- measuring -------------------------------------------------------------------------------------


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


def verdict(entry: dict[str, Any]) -> str:
    """pass: within both targets, no traceback, a normal exit; over: beyond a target; fail: anything else."""
    kinds = [entry[kind] for kind in ("build", "check", "preview") if entry.get(kind)]
    if any(kind["traceback"] or kind["killed"] for kind in kinds):
        return "fail"
    if any(code not in (0, 1) for kind in (entry["build"], entry["check"]) for code in kind["exit_codes"]):
        return "fail"
    preview = entry.get("preview")
    if preview and not all(run["served"] for run in preview["runs"]):
        return "fail"
    if any(kind["median_seconds"] > LIMIT_SECONDS or kind["peak_bytes"] > LIMIT_BYTES for kind in kinds):
        return "over"
    return "pass"


def findings(entry: dict[str, Any]) -> list[str]:
    """What in `entry` is a product bug, one sentence each (empty when the class passes)."""
    found = []
    for kind in ("build", "check", "preview"):
        figures = entry.get(kind)
        if not figures:
            continue
        what = f"{entry['key']}: {kind}"
        runs = ", ".join(f"{run['seconds']:.2f}" for run in figures["runs"])
        said = ", ".join(f"`{code}`" for code in entry["reported"]) or "nothing"
        context = (f"exit {'/'.join(map(str, figures['exit_codes']))}, peak {figures['peak_bytes'] / report.MIB:,.0f} "
                   f"MiB; check.py reports {said}")  # fmt: skip
        if figures["median_seconds"] > LIMIT_SECONDS:
            found.append(f"{what} took {figures['median_seconds']:.2f} s (median of {runs} s), over "
                         f"{LIMIT_SECONDS:.0f} s; {context}")  # fmt: skip
        if figures["peak_bytes"] > LIMIT_BYTES:
            found.append(f"{what} peaked at {figures['peak_bytes'] / report.MIB:,.0f} MiB, over 1 GiB; {context}")
        if figures["killed"]:
            found.append(f"{what} was killed by the {next(r['killed'] for r in figures['runs'] if r.get('killed'))}")
        if kind != "preview" and any(code not in (0, 1) for code in figures["exit_codes"]):
            found.append(f"{what} exited {figures['exit_codes']} (expected 0 or 1)")
        if kind == "preview" and not all(run["served"] for run in figures["runs"]):
            found.append(f"{what} never served the home page")
        if figures["traceback"]:
            found.append(f"{what} printed a traceback:\n{figures['traceback']}")
    return found


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
        f"{kind} {entry[kind]['median_seconds']:.2f} s {entry[kind]['peak_bytes'] / report.MIB:.0f} MiB "
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
                _save(options.json, result)  # the classes so far survive a later failure
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


# -- reporting -------------------------------------------------------------------------------------


def _seconds(figures: dict[str, Any] | None) -> str:
    return "—" if not figures else f"{figures['median_seconds']:.2f}"


def _mib(figures: dict[str, Any] | None) -> str:
    return "—" if not figures else f"{figures['peak_bytes'] / report.MIB:,.0f}"


def _exits(figures: dict[str, Any] | None) -> str:
    return "—" if not figures else "/".join(str(code) for code in figures["exit_codes"])


def _size(entry: dict[str, Any]) -> str:
    if "target" in entry:
        return f"link → `{entry['target']}`"
    return f"{entry['bytes']:,}" if "bytes" in entry else "—"


def markdown(result: dict[str, Any]) -> str:
    machine, settings, code = result["machine"], result["settings"], result["code"]
    preview = settings["preview"]
    lines = [
        f"Run {result['generated']} with `{result['command']}`.",
        "",
        f"Machine: {machine['cpus']} CPUs ({machine['cpu_model']}), {machine['memory_bytes'] / report.GIB:.1f} GiB "
        f"RAM, Linux {machine['kernel']}, Python {machine['python']}, MkDocs {machine['mkdocs']}, "
        f"Material {machine['mkdocs_material']}, Pagefind {machine['pagefind']}; "
        f"load average {machine['load_before']} before, {machine['load_after']} after.",
        "",
        f"Code: commit {code['commit']}"
        + (f", with uncommitted changes to {', '.join(f'`{path}`' for path in code['uncommitted'])}."
           if code["uncommitted"] else ", no uncommitted changes to plugins/, overrides/, scripts/ or mkdocs.yml.")
        + (" **The code changed while the benchmark ran** (fingerprint "
           f"{code['fingerprint']} before, {result['code_after']['fingerprint']} after)."
           if code["fingerprint"] != result["code_after"]["fingerprint"] else ""),
        "",
        f"Each row: a synthetic site of {settings['cases']} cases plus one hostile file (`{HOSTILE}`); "
        f"median of {settings['runs']} runs, peak memory the highest of the runs. "
        "Preview: `mkdocs serve --dirty` until it first serves `/`"
        + ("." if preview else " (skipped: --skip-preview)."),
        "",
        "| hostile file | bytes | build s | build MiB | build exit | check.py s | check.py MiB | check.py exit "
        "| preview s | preview MiB | traceback | reported (check.py) | ≤ 5 s, ≤ 1 GiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |",
    ]
    for entry in result["classes"]:
        build, check, shown = entry["build"], entry["check"], entry.get("preview")
        where = [kind for kind in ("build", "check", "preview") if (entry.get(kind) or {}).get("traceback")]
        reported = ", ".join(f"`{code}`" for code in entry["reported"]) or "nothing"
        lines.append(
            f"| {entry['label']} | {_size(entry)} | {_seconds(build)} | {_mib(build)} | {_exits(build)} "
            f"| {_seconds(check)} | {_mib(check)} | {_exits(check)} | {_seconds(shown)} | {_mib(shown)} "
            f"| {', '.join(where) or 'no'} | {reported} | {entry['status']} |"
        )
    leaks = [entry for entry in result["classes"] if "passwd_in_site" in entry]
    for entry in leaks:
        said = {None: "nowhere: the build stopped at the errors and wrote no site", True: "in the built site (a leak)",
                False: "in no file of the built site"}[entry["passwd_in_site"]]  # fmt: skip
        lines += ["", f"`{entry['key']}`: /etc/passwd's first line (`root:x:0:0:`) found {said}."]
    baseline = next((entry for entry in result["classes"] if entry["key"] == "baseline"), None)
    if baseline and baseline["status"] != "pass":
        lines += ["", "**The baseline itself does not pass: the other rows measure that failure as much as "
                  "their hostile file.**"]  # fmt: skip
    found = result["findings"]
    lines += ["", "Product bugs found: " + ("none." if not found else f"{len(found)}:"), ""]
    shown: dict[str, str] = {}
    for finding in found:
        head, _, traceback = finding.partition("\n")
        if traceback and traceback in shown:
            lines.append(f"- {head} (the same traceback as {shown[traceback]})")
            continue
        lines.append(f"- {head}")
        if traceback:
            shown[traceback] = head.split(" printed")[0]
            lines += ["", "  ```text", *("  " + line for line in traceback.splitlines()), "  ```"]
    if found:
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def write_markdown(path: Path, table: str) -> None:
    """Replace the hostile section of BENCHMARKS.md (between its markers), or append one."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if START not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n## Hostile files: latest results\n\n{START}\n{END}\n"
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
    path.write_text(pattern.sub(lambda _: f"{START}\n{table}{END}", text, count=1), encoding="utf-8")


def _save(path: Path, result: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# -- the command -------------------------------------------------------------------------------------


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
        description=__doc__.split("\n\n")[0] if __doc__ else None,
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
    parser.add_argument("--write-markdown", action="store_true", help="rewrite the hostile section of BENCHMARKS.md")
    options = parser.parse_args(argv)  # fmt: skip
    options.argv = list(sys.argv[1:] if argv is None else argv)
    if options.quick:
        options.runs = 1
        if options.classes == list(CLASSES):
            options.classes = [BY_KEY[key] for key in QUICK_CLASSES]
    if options.runs < 1:
        parser.error("--runs: expected at least 1")
    if options.work is not None:
        work = options.work.resolve()
        if work == REPO or REPO / "content" in (work, *work.parents):
            parser.error(f"--work: {work}: synthetic data never goes into the repository or its content")
    options.json = (options.json or REPO / "bench-output" / "hostile.json").resolve()
    result = run(options)
    _save(options.json, result)
    table = markdown(result)
    print(table)
    say(f"wrote {options.json}")
    if options.write_markdown:
        write_markdown(REPO / "BENCHMARKS.md", table)
        say(f"updated {REPO / 'BENCHMARKS.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
