"""The benchmark's figures against the issue's targets, as a Markdown table (printed and in BENCHMARKS.md)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bench import finder_bytes

GIB = 1024**3
MIB = 1024**2
START = "<!-- bench:results (written by python -m bench --write-markdown) -->"
END = "<!-- /bench:results -->"


def _target(name: str, value: float | None, limit: float, unit: str, at: int, *, ok: bool = True) -> dict[str, Any]:
    status = "n/a" if value is None else "pass" if value <= limit and ok else "over"
    return {"name": name, "value": value, "limit": limit, "unit": unit, "at_cases": at, "status": status}


def targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each figure with its target from the issue (targets are stated for 10,000 cases)."""
    largest = result["sizes"][-1]
    at = largest["cases"]
    weights = result.get("page_weights") or {}
    search = result.get("search") or {}
    serve = result.get("serve_edit") or {}
    scripts = result.get("scripts") or {}
    peak = max(run["peak_bytes"] for size in result["sizes"] for run in size["ours"]["runs"])
    scaling = result.get("scaling") or {}

    def weight(kind: str) -> float | None:
        return weights[kind]["gzip_bytes"] / 1000 if kind in weights else None

    def script(name: str) -> float | None:
        entry = scripts.get(name) or {}
        return entry.get("seconds") if entry.get("available") and "note" not in entry else None

    district_kb = _max(weight("district"), weight("district_part"))
    search_kb = search["bytes"] / 1000 if search.get("available") else None
    finder = result.get("finder") or {}
    finder_kb = finder["bytes"] / 1000 if finder.get("available") else None
    scaled = (f"build time {scaling['to']:,} / {scaling['from']:,} cases" if scaling
              else "build time largest / smallest size (needs two sizes)")  # fmt: skip
    rows = [
        _target("full build, ours / plain (median of pairs)", largest.get("ratio"), 1.4, "×", at),
        _target(scaled, scaling.get("time_ratio"), 11, "×", scaling.get("to", at)),
        _target("peak memory of a build (process tree)", round(peak / GIB, 3), 2, "GiB", at),
        _target("bytes for one search, intended case found", search_kb, 200, "KB", at, ok=bool(search.get("found"))),
        _target("bytes for opening the finder and ticking two filters", finder_kb, 300, "KB", at,
                ok=bool(finder.get("complete"))),
        _target("district pages (largest district), gzip", district_kb, 100, "KB", at),
        _target("brand page (largest), gzip", weight("brand"), 100, "KB", at),
    ]
    for command, entry in serve.items():
        name = f"preview shows an edit, lists complete ({command})"
        rows.append(_target(name, entry.get("seconds"), 3, "s", entry.get("cases", 0), ok=bool(entry.get("complete"))))
    rows.append(_target("scripts/check.py", script("check"), 10, "s", at))
    rows.append(_target("scripts/roundup.py --all", script("roundup"), 10, "s", at))
    return rows


def _max(*values: float | None) -> float | None:
    known = [value for value in values if value is not None]
    return max(known) if known else None


def _num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def markdown(result: dict[str, Any]) -> str:
    machine = result["machine"]
    lines = [
        f"Run {result['generated']} with `{result['command']}`.",
        "",
        f"Machine: {machine['cpus']} CPUs ({machine['cpu_model']}), {machine['memory_bytes'] / GIB:.1f} GiB RAM, "
        f"Linux {machine['kernel']}, Python {machine['python']}, MkDocs {machine['mkdocs']}, "
        f"Material {machine['mkdocs_material']}, Pagefind {machine['pagefind']}; "
        f"load average {machine['load_before']} before, {machine['load_after']} after.",
        "",
        "| cases | ours (median s) | plain (median s) | ours / plain | ms per case | ours peak MiB "
        "| plain peak MiB | runs |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in result["sizes"]:
        ours, plain = size["ours"], size.get("plain")
        lines.append(
            f"| {size['cases']:,} | {_num(ours['median_seconds'])} | {_num(plain and plain['median_seconds'])} "
            f"| {_num(size.get('ratio'))} | {_num(ours['seconds_per_case'] * 1000)} "
            f"| {_num(ours['max_peak_bytes'] / MIB, 0)} | {_num(plain and plain['max_peak_bytes'] / MIB, 0)} "
            f"| {len(ours['runs'])} |"
        )
    weights = result.get("page_weights") or {}
    if weights:
        lines += ["", f"Pages at {result['sizes'][-1]['cases']:,} cases (bytes; gzip -6):", "",
                  "| page | URL | HTML | gzip |", "| --- | --- | ---: | ---: |"]  # fmt: skip
        for kind, entry in weights.items():
            lines.append(f"| {kind} | `{entry['url']}` | {entry['bytes']:,} | {entry['gzip_bytes']:,} |")
    search = result.get("search") or {}
    if search.get("available"):
        lines += ["", f"Search for `{search['query']}` through {search['server']}: {search['bytes']:,} bytes in "
                  f"{search['requests']} responses ({search['bytes_after_typing']:,} after typing began); "
                  f"intended case {'found at rank ' + str(search['rank']) if search['found'] else 'NOT found'} "
                  f"among {search['results_shown']} shown."]  # fmt: skip
    elif search:
        lines += ["", f"Search: {search.get('note')}."]
    if result.get("finder"):
        lines += ["", finder_bytes.describe(result["finder"])]
    for command, serve in (result.get("serve_edit") or {}).items():
        if "district" not in serve:
            lines += ["", f"`{command}`: {serve.get('note')}."]
            continue
        where = f"`/districts/{serve['district']}/` ({serve['district_cases']} cases)"
        shown = f"showed on {where} after {serve['seconds']} s" if serve["seconds"] is not None else serve["note"]
        complete = "yes" if serve["complete"] else "NO"
        lines += ["", f"`{command}` at {serve['cases']:,} cases: first build served after {serve['start_seconds']} s; "
                  f"an edited title {shown}; every case of the district listed: {complete}."]  # fmt: skip
    for name, entry in (result.get("scripts") or {}).items():
        if not entry.get("available") or "note" in entry:
            lines += ["", f"`{name}`: {entry.get('note')}."]
    lines += ["", "| target (from issue 4) | measured | limit | at cases | |", "| --- | ---: | ---: | ---: | --- |"]
    for target in result["targets"]:
        lines.append(
            f"| {target['name']} | {_num(target['value'])} {target['unit']} | {target['limit']} {target['unit']} "
            f"| {target['at_cases']:,} | {target['status']} |"
        )
    return "\n".join(lines) + "\n"


def write_markdown(path: Path, table: str) -> None:
    """Replace the results section of BENCHMARKS.md (between its markers) with `table`."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    if START not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n## Latest results\n\n{START}\n{END}\n"
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
    path.write_text(pattern.sub(lambda _: f"{START}\n{table}{END}", text, count=1), encoding="utf-8")
