"""Each class against the hostile-content targets (5 s, 1 GiB): its status and the product bugs
it found; and the Markdown table of them all, printed and kept in BENCHMARKS.md's hostile section.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bench.hostile.classes import HOSTILE
from bench.report import GIB, MIB

START = "<!-- bench:hostile begin -->"
END = "<!-- bench:hostile end -->"

LIMIT_SECONDS = 5.0
LIMIT_BYTES = 1 * GIB


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
        context = (f"exit {'/'.join(map(str, figures['exit_codes']))}, peak {figures['peak_bytes'] / MIB:,.0f} "
                   f"MiB; check.py reports {said}")  # fmt: skip
        if figures["median_seconds"] > LIMIT_SECONDS:
            found.append(f"{what} took {figures['median_seconds']:.2f} s (median of {runs} s), over "
                         f"{LIMIT_SECONDS:.0f} s; {context}")  # fmt: skip
        if figures["peak_bytes"] > LIMIT_BYTES:
            found.append(f"{what} peaked at {figures['peak_bytes'] / MIB:,.0f} MiB, over 1 GiB; {context}")
        if figures["killed"]:
            found.append(f"{what} was killed by the {next(r['killed'] for r in figures['runs'] if r.get('killed'))}")
        if kind != "preview" and any(code not in (0, 1) for code in figures["exit_codes"]):
            found.append(f"{what} exited {figures['exit_codes']} (expected 0 or 1)")
        if kind == "preview" and not all(run["served"] for run in figures["runs"]):
            found.append(f"{what} never served the home page")
        if figures["traceback"]:
            found.append(f"{what} printed a traceback:\n{figures['traceback']}")
    return found


def _seconds(figures: dict[str, Any] | None) -> str:
    return "—" if not figures else f"{figures['median_seconds']:.2f}"


def _mib(figures: dict[str, Any] | None) -> str:
    return "—" if not figures else f"{figures['peak_bytes'] / MIB:,.0f}"


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
        f"Machine: {machine['cpus']} CPUs ({machine['cpu_model']}), {machine['memory_bytes'] / GIB:.1f} GiB "
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
