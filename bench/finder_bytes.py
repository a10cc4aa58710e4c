"""What a reader downloads to use the case finder: open `/cases/`, then tick two filters.

A real phone-sized Chromium with a fresh profile opens the home page of the served site (nginx
with the shipped `deploy/nginx.conf` when installed, gzip and all, else Python's server, no
compression: more bytes), as `bench/search.py` does before one search, then follows the link to
the finder, as a reader does: the theme's styles and scripts every page shares are then cached
(the home page's own bytes are reported apart, as `home_bytes`). Everything fetched from then on
counts: the finder's page, its own styles and scripts, Pagefind's script, WebAssembly, metadata
and filter data, the index postings of the years, and the results' fragments. The finder is
done when it has listed the cases of the state it shows (its `data-sl-finder-done` attribute)
and the network has been quiet for half a second. Then the districts are unfolded and the one
with the most cases ticked, and after it the years, and the year with the most cases among them;
the bytes each step fetched are added.

Bytes are Chromium's own count of what crossed the wire for each response (CDP
`Network.loadingFinished.encodedDataLength`: compressed body plus headers). Also runs on its
own: `python -m bench.finder_bytes SITE_DIR`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.reader import ReaderMissing, reading, wait_quiet

PHONE: Any = {"width": 390, "height": 844}  # Playwright's ViewportSize
FINDER = "cases/"
LIMIT_BYTES = 300_000
"""The issue's budget (issue 11): opening the finder and applying two filters, at 10,000 cases."""

_DONE = "() => document.querySelector('[data-sl-finder]')?.dataset.slFinderDone !== undefined"
_DONE_WITH = "(s) => (document.querySelector('[data-sl-finder]')?.dataset.slFinderDone || '').includes(s)"
_COUNTED = "(g) => !document.querySelector(`[data-sl-finder-group='${g}']`).hasAttribute('data-sl-stale')"
_BEST_VALUE = """(group) => {
  let best = null;
  document.querySelectorAll(`input[name="${group}"]`).forEach((input, position) => {
    const count = Number(input.closest('label').querySelector('[data-sl-finder-count]').textContent);
    if (!input.checked && (!best || count > best.count)) best = { value: input.value, count, position };
  });
  return best;
}"""


def measure_finder(site_dir: Path, work_dir: Path) -> dict[str, Any]:
    """Open the finder, tick the biggest district, then its biggest year; what each step fetched."""
    if not (site_dir / FINDER / "index.html").is_file():
        return {"available": False, "note": f"the site has no /{FINDER} page"}
    steps: list[dict[str, Any]] = []
    # No host but this machine's is reached. Not with Playwright's routing, which turns the HTTP cache off:
    # a reader coming from another page has the theme's files cached.
    only_here = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
    try:
        with reading(site_dir, work_dir, only_here) as reader:
            browser, server, server_name = reader.browser, reader.server, reader.server_name
            context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
            page = context.new_page()
            page.set_default_timeout(120_000)
            finished = _record_transfers(context.new_cdp_session(page))

            page.goto(server.url(""), wait_until="load")
            wait_quiet(page, finished)
            home_bytes, before = sum(size for _, size, _ in finished), len(finished)
            started = time.monotonic()
            page.goto(server.url(FINDER), wait_until="load")
            page.wait_for_function(_DONE)
            shown = time.monotonic() - started
            wait_quiet(page, finished)
            steps.append(_step("open /cases/", finished, before, page, shown))
            for group in ("district", "year"):
                before, started = len(finished), time.monotonic()
                box = page.locator(f"[data-sl-finder-group='{group}']")
                if box.get_attribute("open") is None:  # opened, a folded group counts within the conditions
                    box.locator("summary").click()
                    page.wait_for_function(_COUNTED, arg=group)
                best = page.evaluate(_BEST_VALUE, group)
                if best is None:
                    break
                box.locator(f"input[name='{group}']").nth(best["position"]).check()
                page.wait_for_function(_DONE_WITH, arg=f"{group}=")
                shown = time.monotonic() - started
                wait_quiet(page, finished)
                steps.append(_step(f"tick {group} {best['value']} ({best['count']})", finished, before, page, shown))
    except ReaderMissing as missing:
        return {"available": False, "note": str(missing)}
    total = sum(step["bytes"] for step in steps)
    every = [transfer for step in steps for transfer in step["transfers"]]
    return {
        "available": True,
        "server": server_name,
        "complete": len(steps) == 3,
        "bytes": total,
        "home_bytes": home_bytes,
        "requests": len(every),
        "steps": steps,
        "largest": sorted(every, key=lambda item: -item[1])[:6],
    }


def _record_transfers(cdp: Any) -> list[tuple[str, int, float]]:
    """(path, bytes on the wire, when) of every response as it finishes, in order."""
    responses: dict[str, str] = {}
    finished: list[tuple[str, int, float]] = []

    def received(event: dict[str, Any]) -> None:
        responses[event["requestId"]] = event["response"]["url"]

    def done(event: dict[str, Any]) -> None:
        path = urlsplit(responses.get(event["requestId"], "?")).path
        finished.append((path, int(event["encodedDataLength"]), time.monotonic()))

    cdp.send("Network.enable")
    cdp.on("Network.responseReceived", received)
    cdp.on("Network.loadingFinished", done)
    return finished


def _step(name: str, finished: list[tuple[str, int, float]], start: int, page: Any, seconds: float) -> dict[str, Any]:
    transfers = [(path, size) for path, size, _ in finished[start:]]
    return {
        "step": name,
        "bytes": sum(size for _, size in transfers),
        "requests": len(transfers),
        "seconds_to_results": round(seconds, 2),
        "status": (page.text_content("[data-sl-finder-status]") or "").strip(),
        "transfers": transfers,
    }


def describe(result: dict[str, Any]) -> str:
    """One paragraph for the benchmark's table."""
    if not result.get("available"):
        return f"Case finder: {result.get('note')}."
    steps = "; ".join(f"{step['step']}: {step['bytes']:,} bytes in {step['requests']} responses, "
                      f"{step['seconds_to_results']} s, “{step['status']}”" for step in result["steps"])  # fmt: skip
    return (f"Case finder through {result['server']}, from the home page ({result['home_bytes']:,} bytes, "
            f"not counted): {result['bytes']:,} bytes in all ({steps}).")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.finder_bytes", description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="a built site (mkdocs build -d SITE_DIR)")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="finder-bytes-") as work:
        result = measure_finder(options.site_dir.resolve(), Path(work))
    print(json.dumps(result, ensure_ascii=False, indent=2))
    print(describe(result), file=sys.stderr)
    return 0 if result.get("available") and result["bytes"] <= LIMIT_BYTES else 1


if __name__ == "__main__":
    raise SystemExit(main())
