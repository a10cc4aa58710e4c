"""Search at scale: the bytes of one search and the time to its first results, for several kinds of query.

    python -m bench.search_bytes --cases 10000 [--out bench-output/search-bytes] [--site SITE_DIR]

`bench/search.py` measures one query (a case's place and problem); this module types
several kinds of query a reader types, each in a fresh phone-sized Chromium context
(nothing cached), through the site's own search dialog: the probe case's place and
problem, the same in traditional characters (OpenCC's s2t), its title typed without
spaces, its district's name and one of its departments with its place. For each: the bytes on the wire
(Chromium's `encodedDataLength`) of everything fetched from opening the dialog until the
first page of results is shown and the network is quiet, the rank of the page that
answers it, and the time from the last keystroke to the first results on screen (taken
in the page with `performance.now()`); then all of them typed one after the other in one
context, for the time once Pagefind is loaded. `python -m bench` runs it on its largest tree.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench import measure, synthetic_tree
from bench.reader import ReaderMissing, reading, wait_quiet
from bench.search import INPUT, PHONE, RESULT_LINKS, SEARCH_BUTTON, probe_case

REPO = Path(__file__).resolve().parent.parent
LIMIT_BYTES = 200_000

TIMING = """() => {
  const input = document.querySelector('[data-sl-search-query]');
  const box = document.querySelector('[data-sl-search-result]');
  window.__slFirstResults = null;
  input.addEventListener('input', () => { window.__slLastInput = performance.now(); }, true);
  new MutationObserver(() => {
    if (box.dataset.slSearchDone) window.__slFirstResults = performance.now() - window.__slLastInput;
  }).observe(box, {attributes: true, attributeFilter: ['data-sl-search-done']});
}"""


def _front_matter(path: Path) -> dict[str, Any]:
    import yaml

    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(match.group(1)) if match else {}


def _traditional(text: str) -> str:
    try:
        import opencc
    except ImportError:
        return text
    return str(opencc.OpenCC("s2t").convert(text))


def queries(tree: Path, manifest: dict[str, Any]) -> list[dict[str, str]]:
    """The queries measured: kind, text and the page that answers it (site-relative URL)."""
    case = probe_case(manifest)
    meta = _front_matter(tree / "content" / case["src_uri"])
    district = case["districts"][0]
    district_name = _front_matter(tree / "content" / "districts" / f"{district}.md").get("name", district)
    found = [
        {"kind": "place and problem", "query": case["query"], "want": case["url"]},
        {"kind": "traditional characters", "query": _traditional(case["query"]), "want": case["url"]},
        {"kind": "title, unspaced", "query": case["title"].replace(" ", ""), "want": case["url"]},
        {"kind": "district", "query": str(district_name), "want": f"districts/{district}/"},
    ]
    if meta.get("departments"):
        found.append({"kind": "department + place", "query": f"{meta['departments'][0]} {case['query'].split()[0]}",
                      "want": case["url"]})  # fmt: skip
    return found


def _one(browser: Any, base_url: str, query: dict[str, str]) -> dict[str, Any]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
    try:
        context.route(lambda url: urlsplit(url).hostname not in (None, "127.0.0.1"),
                      lambda route: route.abort("blockedbyclient"))  # fmt: skip
        page = context.new_page()
        page.set_default_timeout(60_000)
        responses: dict[str, str] = {}
        finished: list[tuple[str, int, float]] = []
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.responseReceived", lambda e: responses.__setitem__(e["requestId"], e["response"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: finished.append(
            (responses.get(e["requestId"], "?"), int(e["encodedDataLength"]), time.monotonic())))  # fmt: skip
        page.goto(base_url, wait_until="load")
        wait_quiet(page, finished)
        page.evaluate(TIMING)
        at_open = len(finished)
        page.click(SEARCH_BUTTON)
        page.wait_for_function(f"document.activeElement === document.querySelector('{INPUT}')")
        page.keyboard.type(query["query"])
        page.wait_for_function(
            "(q) => document.querySelector('[data-sl-search-result]').dataset.slSearchDone === q",
            arg=query["query"].strip(),
        )
        first_results = page.evaluate("() => window.__slFirstResults")
        wait_quiet(page, finished)
        hrefs = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.getAttribute('href'))")
    finally:
        context.close()
    loaded = finished[at_open:]
    paths = [urlsplit(href).path for href in hrefs]
    rank = next((n for n, path in enumerate(paths, start=1) if path.endswith("/" + query["want"])), None)
    by_kind: dict[str, int] = {}
    for url, size, _ in loaded:
        path = urlsplit(url).path
        kind = ("words" if "/shangliang/" in path else path.rsplit("/", 2)[-2] if "/pagefind/" in path else "site")
        by_kind[kind] = by_kind.get(kind, 0) + size
    return {**query, "bytes": sum(size for _, size, _ in loaded), "requests": len(loaded), "rank": rank,
            "first_results_ms": round(first_results, 1) if first_results is not None else None,
            "bytes_by_folder": by_kind}  # fmt: skip


def _warm_times(browser: Any, base_url: str, rows: list[dict[str, str]]) -> list[float]:
    """Time to first results of each query typed after the others in one context (all but the first warm)."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(base_url, wait_until="load")
        page.evaluate(TIMING)
        page.click(SEARCH_BUTTON)
        page.wait_for_function(f"document.activeElement === document.querySelector('{INPUT}')")
        times = []
        for row in rows + rows[:1]:  # the first again, now warm
            page.fill(INPUT, "")
            page.keyboard.type(row["query"])
            page.wait_for_function(
                "(q) => document.querySelector('[data-sl-search-result]').dataset.slSearchDone === q",
                arg=row["query"].strip(),
            )
            times.append(float(page.evaluate("() => window.__slFirstResults")))
    finally:
        context.close()
    return times[1:]


def measure_searches(site_dir: Path, tree: Path, manifest: dict[str, Any], work_dir: Path) -> dict[str, Any]:
    """Every query of `queries()` on the built site, each in a fresh context."""
    try:
        with reading(site_dir, work_dir) as reader:
            browser, server = reader.browser, reader.server
            rows = [_one(browser, server.base_url, query) for query in queries(tree, manifest)]
            warm = _warm_times(browser, server.base_url, rows)
    except ReaderMissing as missing:
        return {"available": False, "note": str(missing)}
    times = [row["first_results_ms"] for row in rows if row["first_results_ms"] is not None]
    return {
        "available": True,
        "server": reader.server_name,
        "cases": len(manifest["cases"]),
        "queries": rows,
        "max_bytes": max(row["bytes"] for row in rows),
        "median_first_results_ms": statistics.median(times) if times else None,
        "median_first_results_warm_ms": round(statistics.median(warm), 1) if warm else None,
        "all_found_in_top_3": all(row["rank"] is not None and row["rank"] <= 3 for row in rows),
    }


def markdown(result: dict[str, Any]) -> str:
    if not result.get("available"):
        return f"Search at scale: {result.get('note')}."
    lines = [
        f"Searches at {result['cases']:,} cases through {result['server']}, each in a fresh browser context:", "",
        "| query | kind | bytes | requests | rank | first results (ms) |", "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for row in result["queries"]:
        lines.append(f"| `{row['query']}` | {row['kind']} | {row['bytes']:,} | {row['requests']} | "
                     f"{row['rank'] or 'not shown'} | {row['first_results_ms']} |")  # fmt: skip
    folders = ", ".join(f"{name} {size:,}" for name, size in result["queries"][0]["bytes_by_folder"].items())
    lines += ["", f"Largest: {result['max_bytes']:,} bytes (limit {LIMIT_BYTES:,}). Median time from the last "
              f"keystroke to the first results: {result['median_first_results_ms']} ms with a fresh browser (Pagefind "
              f"loading), {result['median_first_results_warm_ms']} ms once it is loaded. The first query's bytes by "
              f"folder: {folders}."]  # fmt: skip
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.search_bytes",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        epilog="example:\n  python -m bench.search_bytes --cases 10000",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--cases", type=int, default=10000, help="cases of the synthetic tree (default: 10000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic tree (default: 1)")
    parser.add_argument("--out", type=Path, default=REPO / "bench-output" / "search-bytes", help="output folder")
    parser.add_argument("--site", type=Path, help="a site already built from OUT/tree (skips the build)")
    options = parser.parse_args(argv)
    out: Path = options.out.resolve()
    tree = out / "tree"
    manifest_path = tree / synthetic_tree.MANIFEST
    if options.site and manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        site = options.site.resolve()
    else:
        print(f"bench: generating {options.cases:,} cases in {tree}", file=sys.stderr)
        manifest = synthetic_tree.generate(tree, options.cases, options.seed)
        site = tree / "site"
        print("bench: building", file=sys.stderr)
        run = measure.run_measured(measure.build_command(tree / "mkdocs.yml", site), cwd=tree, log=out / "build.log")
        if run.exit_code != 0:
            print(f"bench: the build failed; see {out / 'build.log'}", file=sys.stderr)
            return 1
    result = measure_searches(site, tree, manifest, out / "serve")
    (out / "search-bytes.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(markdown(result))
    return 0 if result.get("available") and result["max_bytes"] <= LIMIT_BYTES else 1


if __name__ == "__main__":
    raise SystemExit(main())
