"""What a reader downloads for one search: a real phone-sized Chromium against the served site.

The site is served by nginx with the shipped `deploy/nginx.conf` (gzip and all) when nginx
is installed, otherwise by Python's HTTP server (no compression: more bytes); both come
from `shangliang.local_site`. The page is loaded and left to settle; then the search
dialog is opened and a query typed, the way a reader does (see tests/browser/test_search.py).
Bytes are Chromium's own count of what crossed the wire for each response (CDP
`Network.loadingFinished.encodedDataLength`: compressed body plus headers), summed from
the moment the dialog opens until the first page of results is shown and the network has
been quiet for half a second.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.reader import ReaderMissing, reading, wait_quiet

PHONE: Any = {"width": 390, "height": 844}  # Playwright's ViewportSize
SEARCH_BUTTON = 'header label.md-header__button[for="__search"]'
INPUT = "[data-sl-search-query]"
RESULT_LINKS = ".md-search-result__item a.md-search-result__link"


def probe_case(manifest: dict[str, Any]) -> dict[str, Any]:
    """A case whose query (place and problem, e.g. `安北村 林下经济`) no other case shares."""
    counts: dict[str, int] = {}
    for case in manifest["cases"]:
        counts[case["query"]] = counts.get(case["query"], 0) + 1
    unique = sorted((case for case in manifest["cases"] if counts[case["query"]] == 1), key=lambda c: c["src_uri"])
    chosen: dict[str, Any] = (unique or sorted(manifest["cases"], key=lambda c: c["src_uri"]))[len(unique) // 2]
    return chosen


def measure_search(site_dir: Path, case: dict[str, Any], work_dir: Path) -> dict[str, Any]:
    try:
        with reading(site_dir, work_dir) as reader:
            browser, server = reader.browser, reader.server
            context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
            context.route(lambda url: urlsplit(url).hostname not in (None, "127.0.0.1"),
                          lambda route: route.abort("blockedbyclient"))  # fmt: skip
            page = context.new_page()
            page.set_default_timeout(60_000)
            responses: dict[str, str] = {}
            finished: list[tuple[str, int, float]] = []  # (url, bytes on the wire, when)
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            def received(event: dict[str, Any]) -> None:
                responses[event["requestId"]] = event["response"]["url"]

            def done(event: dict[str, Any]) -> None:
                url = responses.get(event["requestId"], "?")
                finished.append((url, int(event["encodedDataLength"]), time.monotonic()))

            cdp.on("Network.responseReceived", received)
            cdp.on("Network.loadingFinished", done)
            page.goto(server.base_url, wait_until="load")
            wait_quiet(page, finished)
            at_open = len(finished)
            page.click(SEARCH_BUTTON)
            page.wait_for_function(f"document.activeElement === document.querySelector('{INPUT}')")
            at_typing = len(finished)
            started = time.monotonic()
            page.keyboard.type(case["query"])
            page.wait_for_function(
                "(q) => document.querySelector('[data-sl-search-result]').dataset.slSearchDone === q",
                arg=case["query"],
            )
            shown = time.monotonic() - started
            wait_quiet(page, finished)
            hrefs = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.getAttribute('href'))")
            meta = page.text_content("[data-sl-search-meta]") or ""
    except ReaderMissing as missing:
        return {"available": False, "note": str(missing)}
    loaded = finished[at_open:]
    paths = [urlsplit(href).path for href in hrefs]
    wanted = "/" + case["url"]
    rank = next((number for number, path in enumerate(paths, start=1) if path.endswith(wanted)), None)
    return {
        "available": True,
        "server": reader.server_name,
        "query": case["query"],
        "expected": wanted,
        "found": rank is not None,
        "rank": rank,
        "results_shown": len(hrefs),
        "results_meta": meta.strip(),
        "bytes": sum(size for _, size, _ in loaded),
        "bytes_after_typing": sum(size for _, size, _ in finished[at_typing:]),
        "requests": len(loaded),
        "seconds_to_results": round(shown, 2),
        "largest": sorted(((urlsplit(url).path, size) for url, size, _ in loaded), key=lambda item: -item[1])[:5],
    }
