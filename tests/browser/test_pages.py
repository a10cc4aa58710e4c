"""Every page kind loads cleanly on a phone: no errors, nothing from other hosts, CJK layout."""

from __future__ import annotations

import pytest

from .conftest import PAGE_KINDS, page_path, write_metric

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_kind_loads_cleanly_on_a_phone(kind, new_page, site_server, page_paths):
    path = page_path(page_paths, kind)
    page, record = new_page()
    site_server.reset_transfers()

    response = page.goto(site_server.url(path), wait_until="load")
    page.wait_for_load_state("networkidle")

    assert response is not None
    expected_status = 404 if kind == "404" else 200
    assert response.status == expected_status, f"{kind} page: HTTP {response.status}"
    foreign = record.foreign_requests()
    assert not foreign, f"{kind} page requested other hosts: {foreign}"
    assert not record.page_errors, f"{kind} page threw: {record.page_errors}"
    console_errors = record.console_errors
    if kind == "404":  # Chromium logs the page's own 404 status; nothing else may fail
        console_errors = [e for e in console_errors if "status of 404" not in e or path not in e]
    assert not console_errors, f"{kind} page logged console errors: {console_errors}"

    # Material's lunr search stays off, and Pagefind is only fetched on first use.
    requested = " ".join(record.requests)
    assert "search_index.json" not in requested and "/workers/search" not in requested
    assert "/pagefind/" not in requested, f"{kind} page loaded Pagefind before any search"

    facts = page.evaluate(
        """() => {
          const article = document.querySelector("article.md-content__inner");
          const text = article && article.querySelector("p, li, td") || article;
          const style = text ? getComputedStyle(text) : null;
          return {
            lang: document.documentElement.lang,
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            indexed: Boolean(article && article.hasAttribute("data-pagefind-body")),
            font: getComputedStyle(document.body).fontFamily,
            lineHeight: style ? parseFloat(style.lineHeight) / parseFloat(style.fontSize) : 0,
            align: style ? style.textAlign : "",
            dialogName: document.querySelector(".md-search[role=dialog]")
              ?.getAttribute("aria-label"),
            materialSearch: Boolean(document.querySelector('[data-md-component="search"]')),
            h1Spacing: getComputedStyle(document.querySelector("h1") || document.body)
              .letterSpacing,
          };
        }"""
    )
    assert facts["lang"].startswith("zh"), facts
    overflow = facts["overflow"]
    assert overflow <= 0, f"{kind} page scrolls sideways at 390 px by {overflow} px"
    assert facts["indexed"] is (kind != "404"), f"{kind}: data-pagefind-body is {facts['indexed']}"
    assert "PingFang SC" in facts["font"] and "Noto Sans CJK SC" in facts["font"], facts["font"]
    assert 1.7 <= facts["lineHeight"] <= 1.9, f"{kind}: body line-height {facts['lineHeight']:.2f}"
    assert facts["align"] != "justify"
    assert facts["h1Spacing"] in {"normal", "0px"}, facts["h1Spacing"]
    assert facts["dialogName"] == "搜索"
    assert not facts["materialSearch"], "the dialog must not be Material's search component"

    transfers = site_server.snapshot()
    total = sum(t.bytes for t in transfers)
    html = next((t.bytes for t in transfers if t.path.strip("/") == path.strip("/")), 0)
    write_metric(
        f"page {kind}: {total / 1024:.1f} KiB in {len(transfers)} responses"
        f" (HTML {html / 1024:.1f} KiB)"
    )
