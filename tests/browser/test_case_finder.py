"""The case finder at /cases/ in headless Chromium: without JavaScript, filtered with Pagefind, from the
address, with back and forward, from the keyboard only, and on a phone.

What the finder should show is taken from the built site's own open data (`/data/cases.json`: every
published case, drafts never), not from the code under test.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from .conftest import PHONE, SCREENSHOTS, _is_local, write_metric
from .test_axe import describe, run_axe

pytestmark = pytest.mark.browser

FINDER = "cases/"
FORM = "[data-sl-finder]"
STATUS = "[data-sl-finder-status]"
RESULT_LINKS = "[data-sl-finder-results] a.sl-finder__title"
QUERY = "路灯"  # in a sample case's title (普陀村院落加装路灯)
PAGE_SIZE = 10  # finder.js shows this many results at a time


@pytest.fixture(scope="module")
def published(built_site: Path) -> list[dict]:
    return json.loads((built_site / "data" / "cases.json").read_text(encoding="utf-8"))["cases"]


def path_of(url: str) -> str:
    return urlsplit(url).path


def values_of(case: dict, group: str) -> list[str]:
    """A case's values of one of the finder's groups, from the open data."""
    return {
        "district": [district["name"] for district in case["districts"]],
        "year": [str(case["year"])],
        "format": [case["format"]],
        "stage": [case["status"]],
        "topic": list(dict.fromkeys(case["tags"])),
    }[group]


def counts_of(cases: list[dict], group: str) -> dict[str, int]:
    return dict(Counter(value for case in cases for value in values_of(case, group)))


def wait_until_done(page, state: str | None = None) -> None:
    """Until the finder has listed the results of `state` (its query string; any state when None)."""
    page.wait_for_function(
        "(s) => { const done = document.querySelector('[data-sl-finder]').dataset.slFinderDone;"
        " return done !== undefined && (s === null || done === s); }",
        arg=state,
    )


def shown_counts(page, group: str) -> dict[str, int]:
    """The count beside each value of a group, values counting 0 left out."""
    shown = page.eval_on_selector_all(
        f"input[name='{group}']",
        "inputs => Object.fromEntries(inputs.map(i => [i.value,"
        " Number(i.closest('label').querySelector('[data-sl-finder-count]').textContent)]))",
    )
    return {value: count for value, count in shown.items() if count}


def listed(page) -> list[str]:
    return [path_of(href) for href in page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")]


def all_listed(page) -> list[str]:
    """Every result, pressing 显示更多 until none is left."""
    more = page.locator("[data-sl-finder-more]")
    while more.is_visible():
        count = page.locator(RESULT_LINKS).count()
        more.click()
        page.wait_for_function("(n) => document.querySelectorAll('.sl-finder__result').length > n", arg=count)
    return listed(page)


def qs(*pairs: tuple[str, str]) -> str:
    """The finder's state as its address holds it: `?q=…&district=…` (URLSearchParams' encoding)."""
    return "?" + urlencode(pairs)


def status(page) -> str:
    return (page.text_content(STATUS) or "").strip()


def found(count: int) -> str:
    return f"共找到 {count:,} 个案例"


def open_finder(new_page, site_server, query: str = ""):
    page, record = new_page()
    page.goto(site_server.url(FINDER + query), wait_until="load")
    wait_until_done(page)
    return page, record


def unfold(page, group: str) -> None:
    """Open a folded group and wait for its counts (a folded group shows none while conditions are set)."""
    box = page.locator(f"[data-sl-finder-group='{group}']")
    if box.get_attribute("open") is None:
        box.locator("summary").click()
    page.wait_for_function(
        "(g) => !document.querySelector(`[data-sl-finder-group='${g}']`).hasAttribute('data-sl-stale')", arg=group
    )


def tick(page, group: str, value: str) -> None:
    box = page.locator(f"[data-sl-finder-group='{group}']")
    if box.get_attribute("open") is None:
        box.locator("summary").click()
    box.locator(f"input[value='{value}']").check()


# --------------------------------------------------------------------------- without JavaScript


def test_without_javascript_every_published_case_is_listed_by_year(browser, site_server, published):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="zh-CN")
    context.route(lambda url: not _is_local(url), lambda route: route.abort("blockedbyclient"))
    try:
        page = context.new_page()
        page.goto(site_server.url(FINDER), wait_until="load")
        assert not page.locator(FORM).is_visible(), "the form needs the script: hidden without it"
        expected = sorted("/" + path_of(case["url"]).lstrip("/") for case in published)
        inline = page.eval_on_selector_all("[data-sl-finder-static] li > a", "links => links.map(a => a.href)")
        years = page.eval_on_selector_all(".sl-years a", "links => links.map(a => a.href)")
        on_year_pages = []
        for year_url in years:
            page.goto(year_url, wait_until="load")
            on_year_pages += page.eval_on_selector_all(".sl-lines li > a", "links => links.map(a => a.href)")
    finally:
        context.close()
    if len(published) <= 500:  # a small site lists them on the finder itself (pages.finder.FINDER_INLINE_LIMIT)
        assert sorted(map(path_of, inline)) == expected
    assert sorted(map(path_of, on_year_pages)) == expected, "each year page lists its cases, all of them"
    assert len(years) == len({case["year"] for case in published})


# --------------------------------------------------------------------------- with JavaScript


def test_the_finder_counts_filters_and_searches_as_the_catalogue_says(new_page, site_server, published):
    page, record = open_finder(new_page, site_server)
    assert page.locator(FORM).is_visible()
    assert not page.locator("[data-sl-finder-static]").is_visible(), "the results stand in for the listing"
    assert status(page) == found(len(published))
    assert len(listed(page)) == min(PAGE_SIZE, len(published))
    for group in ("district", "year", "format", "stage", "topic"):
        assert shown_counts(page, group) == counts_of(published, group), group

    # The district and year of a case about street lights.
    target = next(case for case in published if QUERY in case["title"])
    district, year = values_of(target, "district")[0], str(target["year"])
    in_district = [case for case in published if district in values_of(case, "district")]

    tick(page, "district", district)
    wait_until_done(page, qs(("district", district)))
    assert status(page) == found(len(in_district))
    assert sorted(all_listed(page)) == sorted(path_of(case["url"]) for case in in_district)
    assert shown_counts(page, "year") == {}, "folded, the years show no counts while a district is ticked"
    unfold(page, "year")
    assert shown_counts(page, "year") == counts_of(in_district, "year"), "other groups count within the district"
    assert shown_counts(page, "district") == counts_of(published, "district"), "a group counts without its own ticks"
    assert page.text_content("[data-sl-finder-group='district'] [data-sl-finder-chosen]") == "（已选 1 项）"

    tick(page, "year", year)
    both = [case for case in in_district if str(case["year"]) == year]
    wait_until_done(page, qs(("district", district), ("year", year)))
    assert status(page) == found(len(both))
    assert sorted(listed(page)) == sorted(path_of(case["url"]) for case in both)
    in_year = [case for case in published if str(case["year"]) == year]
    assert shown_counts(page, "district") == counts_of(in_year, "district")
    assert parse_qs(urlsplit(page.url).query) == {"district": [district], "year": [year]}
    filtered = listed(page)
    assert shown_counts(page, "format") == {}
    unfold(page, "format")
    assert shown_counts(page, "format") == counts_of(both, "format")

    # A text query narrows the filtered cases further.
    page.fill("[data-sl-finder-query]", QUERY)
    wait_until_done(page, qs(("q", QUERY), ("district", district), ("year", year)))
    with_query = listed(page)
    assert path_of(target["url"]) in with_query
    assert set(with_query) <= set(filtered)
    first = page.locator("[data-sl-finder-results] li").filter(has_text=target["title"]).first
    facts = first.locator(".sl-finder__facts").text_content() or ""
    reached = "已落实" if target["is_resolved"] else f"进展：{target['status']}"  # as every list says it
    assert district in facts and reached in facts and target["format"] in facts
    shared = page.url

    # The address brings the same view back in a fresh page.
    fresh, fresh_record = new_page()
    fresh.goto(shared, wait_until="load")
    wait_until_done(fresh, qs(("q", QUERY), ("district", district), ("year", year)))
    assert fresh.input_value("[data-sl-finder-query]") == QUERY
    assert fresh.is_checked(f"input[name='district'][value='{district}']")
    assert fresh.is_checked(f"input[name='year'][value='{year}']")
    assert listed(fresh) == with_query

    # Back: the step before the year was ticked (typing replaced the year's step, so the query goes too).
    page.go_back()
    wait_until_done(page, qs(("district", district)))
    assert not page.is_checked(f"input[name='year'][value='{year}']")
    assert page.is_checked(f"input[name='district'][value='{district}']")
    assert page.input_value("[data-sl-finder-query]") == ""
    assert status(page) == found(len(in_district))
    page.go_forward()
    wait_until_done(page, qs(("q", QUERY), ("district", district), ("year", year)))
    assert listed(page) == with_query

    # Clearing the conditions lists every case again.
    page.click(f"{FORM} button[type='reset']")
    wait_until_done(page, "?")
    assert status(page) == found(len(published)) and urlsplit(page.url).query == ""

    for seen in (record, fresh_record):
        assert not seen.foreign_requests(), seen.foreign_requests()
        assert not seen.page_errors, seen.page_errors
        assert not seen.console_errors, seen.console_errors


def test_a_query_with_no_match_says_so(new_page, site_server):
    page, _ = open_finder(new_page, site_server)
    page.fill("[data-sl-finder-query]", "魑魅魍魉")
    wait_until_done(page, qs(("q", "魑魅魍魉")))
    assert listed(page) == [] and "没有符合条件的案例" in status(page)


@pytest.mark.parametrize(("simplified", "traditional"), [("路灯", "路燈"), ("济事商量", "濟事商量")])
def test_a_query_in_traditional_characters_finds_what_its_simplified_form_finds(
    new_page, site_server, simplified, traditional
):
    page, _ = open_finder(new_page, site_server)
    page.fill("[data-sl-finder-query]", simplified)
    wait_until_done(page, qs(("q", simplified)))
    found_simplified = all_listed(page)
    page.fill("[data-sl-finder-query]", traditional)
    wait_until_done(page, qs(("q", traditional)))
    assert found_simplified and all_listed(page) == found_simplified


def test_the_finder_works_from_the_keyboard_alone(new_page, site_server, published):
    page, record = new_page()
    page.goto(site_server.url(FINDER), wait_until="load")
    wait_until_done(page)
    for _ in range(60):  # from the top of the page, Tab reaches the text box
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('[data-sl-finder-query]')"):
            break
    else:
        pytest.fail("Tab never reached the finder's text box")
    page.keyboard.type(QUERY)
    wait_until_done(page, qs(("q", QUERY)))
    assert listed(page), "the query lists cases"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('[data-sl-finder-group=\"district\"] > summary')")
    page.keyboard.press("Enter")
    assert page.get_attribute("[data-sl-finder-group='district']", "open") is not None
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('input[name=\"district\"]')")
    district = page.evaluate("() => document.activeElement.value")
    page.keyboard.press("Space")
    wait_until_done(page, qs(("q", QUERY), ("district", district)))
    expected = sum(1 for case in published if district in values_of(case, "district"))
    assert page.get_attribute(STATUS, "role") == "status", "the count is announced"
    text = status(page)
    assert text.startswith("共找到") or "没有符合条件的案例" in text
    if text.startswith("共找到"):
        assert int(text.removeprefix("共找到 ").split(" ")[0].replace(",", "")) <= expected
    assert not record.console_errors, record.console_errors


def test_on_a_phone_the_finder_fits_and_looks_right(new_page, site_server, published):
    page, record = open_finder(new_page, site_server)
    district = values_of(published[0], "district")[0]
    tick(page, "district", district)
    wait_until_done(page, qs(("district", district)))
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"], "no sideways scrolling"
    for target in ("summary", ".sl-finder__option", "[data-sl-finder-query]"):  # a value's label is its tap target
        box = page.locator(f"{FORM} {target}").first.bounding_box()
        assert box is not None and box["height"] >= 24, f"{target} is smaller than 24 px (WCAG 2.5.8)"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "finder-phone.png"), full_page=True)
    write_metric(f"finder screenshot: {SCREENSHOTS / 'finder-phone.png'}")
    assert not record.console_errors, record.console_errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_axe_violations_on_a_year_list(new_page, site_server, axe_source, page_paths, scheme):
    """A year's list (`/cases/2024/`) is kept out of search, so it is not among the page kinds of test_axe."""
    page, _ = new_page(color_scheme=scheme)
    page.goto(site_server.url(page_paths["finder-year"]), wait_until="load")
    assert page.locator(".sl-lines li").count() > 0
    violations = run_axe(page, axe_source)
    assert not violations, f"axe on a year list ({scheme}):\n{describe(violations)}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_axe_violations_in_the_working_finder(new_page, site_server, axe_source, published, scheme):
    page, _ = new_page(color_scheme=scheme)
    page.goto(site_server.url(FINDER), wait_until="load")
    wait_until_done(page)
    tick(page, "year", str(published[0]["year"]))
    wait_until_done(page, qs(("year", str(published[0]["year"]))))
    violations = run_axe(page, axe_source)
    assert not violations, f"axe on the finder ({scheme}):\n{describe(violations)}"
