"""Hostile content in headless Chromium: no page of a site built from it runs the editors' payloads.

One site is built for this module (`tests/hostile.py`): every payload in every field of
a brand, a district, two cases and an ordinary page (subtitle, description, author,
status, hide, tags, so that /topics/ lists them), and bodies holding markup the sanitizer
removes; search on. Each page is opened, every element is hovered (for `onmouseover`),
and `alert()` is counted through the page's dialogs. The live DOM is inspected too: the
site's Content-Security-Policy would block a payload that slipped through, so a zero count
alone would not show that the pages escape what they print.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hostile import (
    BRAND,
    BRAND_URL,
    CASE,
    CASE_URL,
    DISTRICT,
    DISTRICT_URL,
    HIGHLIGHTS_URL,
    IMG,
    ORDINARY_PAGE,
    ORDINARY_URL,
    SCRIPT,
    SEARCH_WORD,
    SVG,
    TOPICS_URL,
    front_matter_tree,
    make_hostile_site,
    sanitizer_tree,
)

from shangliang.local_site import RecordingServer

from .test_search import open_search, search_for

pytestmark = pytest.mark.browser

SANITIZED_CASE_URL = "cases/2024/ludeng/"
SANITIZED_PAGE_URL = "notes/"

# Page → a text it shows (the value of one of its hostile fields, as written).
PAGES = {
    "case": (CASE_URL, CASE["title"]),
    "case with removed markup": (SANITIZED_CASE_URL, "委员们在社区商量加装路灯。"),
    "brand": (BRAND_URL, BRAND["slogan"]),
    "district": (DISTRICT_URL, DISTRICT["sub_brand"]),
    "home": ("", CASE["title"]),
    "topics": (TOPICS_URL, CASE["tags"][0]),
    "ordinary page": (ORDINARY_URL, ORDINARY_PAGE["title"]),
    "ordinary page with removed markup": (SANITIZED_PAGE_URL, "页面正文。"),
    "highlights": (HIGHLIGHTS_URL, CASE["title"]),
}

# Every element of `root` that a payload would have made: one line each.
PAYLOAD_ELEMENTS = """
(selector) => {
  const root = selector ? document.querySelector(selector) : document;
  const found = [];
  for (const el of root.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    for (const attr of el.attributes) {
      if (attr.name.startsWith("on")) found.push(`<${tag}> ${attr.name}=${attr.value}`);
    }
    const href = el.getAttribute("href") || el.getAttribute("src") || el.getAttribute("action") || "";
    if (/^[\\s\\u0000-\\u001f]*(javascript|vbscript|data):/i.test(href)) found.push(`<${tag}> ${href}`);
    if (tag === "img" && el.getAttribute("src") === "x") found.push("<img src=x>");
    if (tag === "script" && el.textContent.includes("alert(")) found.push(`<script>${el.textContent}`);
    if (["iframe", "object", "embed", "form"].includes(tag) && el.closest("article")) found.push(`<${tag}>`);
  }
  return found;
}
"""

HOVER_EVERYTHING = """
() => {
  for (const el of document.querySelectorAll("body *")) {
    for (const type of ["mouseover", "mouseenter", "focus"]) el.dispatchEvent(new Event(type, { bubbles: true }));
  }
}
"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecordingServer]:
    """The hostile site (front matter and bodies), built once with search, on a local server."""
    files = front_matter_tree()
    files.update({path: text for path, text in sanitizer_tree().items() if path.startswith(("cases/", "notes"))})
    site = make_hostile_site(tmp_path_factory.mktemp("hostile-browser"), files, search=True)
    result = site.build()
    assert result.returncode == 0, result.stderr
    with RecordingServer(site.site_dir) as server:
        yield server


def counting_dialogs(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Every alert()/confirm()/prompt() the page opens, dismissed and recorded."""
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return dialogs


def blocked_by_policy(console_errors: list[str]) -> list[str]:
    """Console errors saying the Content-Security-Policy stopped a script (a payload that got through)."""
    return [error for error in console_errors if "Content Security Policy" in error]


@pytest.mark.parametrize("kind", list(PAGES))
def test_a_hostile_page_runs_no_payload(new_page, hostile_server, kind):
    url, shown = PAGES[kind]
    page, record = new_page()
    dialogs = counting_dialogs(page)
    page.goto(hostile_server.url(url), wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate(HOVER_EVERYTHING)
    page.wait_for_timeout(300)  # let image errors, svg onload and hover handlers run

    assert dialogs == [], f"/{url} ran script: {dialogs}"
    assert page.evaluate(PAYLOAD_ELEMENTS, None) == [], f"/{url}: payload markup in the page"
    assert shown in " ".join((page.text_content("article") or "").split()), f"/{url} does not show {shown!r}"
    assert blocked_by_policy(record.console_errors) == [], record.console_errors
    assert not record.page_errors, record.page_errors
    assert not record.foreign_requests(), record.foreign_requests()


def test_the_case_page_shows_its_title_as_text(new_page, hostile_server):
    page, _record = new_page()
    page.goto(hostile_server.url(CASE_URL), wait_until="load")
    assert page.text_content("article h1") == CASE["title"]
    assert page.title() == f"{CASE['title']} - 测试站"


def test_search_results_show_the_payload_as_text(new_page, hostile_server):
    page, record = new_page()
    dialogs = counting_dialogs(page)
    page.goto(hostile_server.url("/"), wait_until="load")
    open_search(page)
    results = search_for(page, SEARCH_WORD)
    page.wait_for_load_state("networkidle")
    page.evaluate(HOVER_EVERYTHING)
    page.wait_for_timeout(300)

    cases = [r for r in results if r["href"].endswith("/" + CASE_URL)]
    assert cases, f"{SEARCH_WORD!r} did not find the case; results: {results}"
    (found,) = cases
    assert found["title"] == CASE["title"], "the title shows as the text written"
    listed = page.text_content(".md-search-result__list") or ""
    for payload in (SCRIPT, IMG, SVG):
        assert payload in listed, f"the results do not show {payload!r} as text"
    assert BRAND["name"] in listed, "the facts line shows the brand as text"
    assert page.evaluate(PAYLOAD_ELEMENTS, ".md-search-result") == [], "payload markup in the results"
    assert dialogs == [], f"search results ran script: {dialogs}"
    assert blocked_by_policy(record.console_errors) == [], record.console_errors
    assert not record.page_errors, record.page_errors
