"""The Content-Security-Policy in headless Chromium, with the site served by real nginx (`deploy/nginx.conf`).

A copy of the built sample is served by nginx, so that both policies apply: the header
(from the build's nginx-csp.conf, through the shared security headers) and every page's
`<meta http-equiv>`. Search must still work under them (Pagefind's WebAssembly included)
without a single violation. Then markup that slipped past the sanitizer is put into two
case pages of the copy — an inline `<script>` and an `<img onerror>`, both calling
`alert()` — one page keeping its meta policy, one without it: served by nginx (header and
meta, header only) or by Python's plain server (meta only), the payloads stay in the page
and the policy reports blocking them; the page without the meta, from the plain server
(no policy at all), does run them, so these tests can fail.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from shangliang.local_site import NginxServer, ServerError, StaticServer

from .conftest import page_path, skip_or_fail
from .test_search import QUERY_WORD, assert_finds_street_light_case, open_search, search_for

pytestmark = pytest.mark.browser

PAYLOAD = '<script>alert(1)</script><img src=x onerror="alert(2)">'
META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
ARTICLE = re.compile(r"<article\b[^>]*>")

# Every `securitypolicyviolation` of the page, kept from the very start of each document (an
# init script is not itself subject to the page's policy).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"}`
                           + ` (${event.disposition}) at ${event.sourceFile || location.pathname}`);
}, true);
"""

# The payload as it stands in the live page: the policy, not missing markup, must be what stops it.
PAYLOAD_IN_PAGE = """
() => ({
  script: [...document.querySelectorAll("article script")].some((el) => el.textContent === "alert(1)"),
  img: !!document.querySelector('article img[src="x"][onerror="alert(2)"]'),
})
"""


@pytest.fixture(scope="module")
def injected_site(built_site: Path, page_paths: dict[str, str | None], tmp_path_factory) -> tuple[Path, str, str]:
    """A copy of the built site with `PAYLOAD` in two case pages' article: the first keeps its meta
    policy, the second has it removed. (site folder, URL path of each page)"""
    site = tmp_path_factory.mktemp("csp") / "site"
    shutil.copytree(built_site, site)
    with_meta = page_path(page_paths, "case")
    others = sorted(path.parent.relative_to(site).as_posix() + "/" for path in site.glob("cases/*/*/index.html"))
    without_meta = next(path for path in others if path != with_meta)
    for url, keep_meta in ((with_meta, True), (without_meta, False)):
        file = site / url / "index.html"
        text = file.read_text(encoding="utf-8")
        assert len(META_CSP.findall(text)) == 1, f"{url}: the build put no (or more than one) meta policy in the page"
        if not keep_meta:
            text = META_CSP.sub("", text)
        text, count = ARTICLE.subn(lambda match: match.group() + PAYLOAD, text, count=1)
        assert count == 1, f"{url}: no <article> to put the payload in"
        file.write_text(text, encoding="utf-8")
    return site, with_meta, without_meta


@pytest.fixture(scope="module")
def nginx(injected_site: tuple[Path, str, str], tmp_path_factory) -> Iterator[NginxServer]:
    """The copy, served by real nginx with the shipped configuration (security headers included)."""
    if not NginxServer.available():
        skip_or_fail("nginx is not installed (/usr/sbin/nginx; `make system` installs Debian's package)")
    site, _, _ = injected_site
    server = NginxServer(site, tmp_path_factory.mktemp("csp-nginx"))
    try:
        server.start()
    except ServerError as error:
        pytest.fail(str(error), pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def plain(injected_site: tuple[Path, str, str]) -> Iterator[StaticServer]:
    """The same copy from Python's plain server: no headers, so only a page's own meta policy applies."""
    with StaticServer(injected_site[0]) as server:
        yield server


def watched_page(new_page):  # type: ignore[no-untyped-def]
    """A fresh page whose dialogs (dismissed), policy violations and CSP console messages are recorded."""
    page, record = new_page()
    dialogs: list[str] = []
    csp_console: list[str] = []

    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda message: csp_console.append(f"{message.type}: {message.text}")
            if "Content Security Policy" in message.text else None)  # fmt: skip
    page.add_init_script(RECORD_VIOLATIONS)
    return page, record, dialogs, csp_console


def violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.evaluate("window.__violations")


def open_and_settle(page, url: str):  # type: ignore[no-untyped-def]
    response = page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # let image errors and late handlers run
    return response


def test_search_works_under_the_policy_without_a_violation(new_page, nginx, injected_site):
    page, record, dialogs, csp_console = watched_page(new_page)
    home = open_and_settle(page, nginx.url("/"))
    assert "frame-ancestors 'none'" in home.headers["content-security-policy"], "nginx sends the header policy"
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, "and the page its meta policy"
    assert violations(page) == [] and csp_console == [], (violations(page), csp_console)

    open_search(page)
    assert_finds_street_light_case(search_for(page, QUERY_WORD), QUERY_WORD)
    page.wait_for_load_state("networkidle")
    assert [url for url in record.requests if re.search(r"/pagefind/wasm\.[^/]*\.pagefind$", url)], \
        "Pagefind's WebAssembly was loaded (and, results found, ran: 'wasm-unsafe-eval')"  # fmt: skip
    assert violations(page) == [] and csp_console == [], (violations(page), csp_console)

    site, *injected = injected_site
    case_pages = [path.parent.relative_to(site).as_posix() + "/" for path in sorted(site.glob("cases/*/*/index.html"))]
    case_page = next(path for path in case_pages if path not in injected)  # one without the payload
    open_and_settle(page, nginx.url(case_page))
    assert page.locator("article h1").count() == 1
    assert violations(page) == [] and csp_console == [], (case_page, violations(page), csp_console)
    open_search(page)
    assert_finds_street_light_case(search_for(page, QUERY_WORD), QUERY_WORD)
    page.wait_for_load_state("networkidle")
    assert violations(page) == [] and csp_console == [], (violations(page), csp_console)

    assert dialogs == []
    assert not record.page_errors, record.page_errors
    assert not record.console_errors, record.console_errors
    assert not record.foreign_requests(), record.foreign_requests()


# How the injected page is served -> (server fixture, page, whether the response carries the header policy).
POLICIES = {
    "header and meta (nginx, the page as built)": ("nginx", 1, True),
    "header only (nginx, the meta removed)": ("nginx", 2, True),
    "meta only (the plain server sends no header)": ("plain", 1, False),
}


@pytest.mark.parametrize("how", list(POLICIES))
def test_the_policy_stops_markup_that_slipped_past_the_sanitizer(new_page, injected_site, request, how):
    server_name, which, header = POLICIES[how]
    server = request.getfixturevalue(server_name)
    url = injected_site[which]
    page, _record, dialogs, csp_console = watched_page(new_page)
    response = open_and_settle(page, server.url(url))

    assert response.status == 200
    assert ("content-security-policy" in response.headers) is header, how
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == (1 if which == 1 else 0), how
    assert page.evaluate(PAYLOAD_IN_PAGE) == {"script": True, "img": True}, "the payload is in the page"
    assert dialogs == [], f"{how}: the payload ran: {dialogs}"
    blocked = violations(page)
    directives = sorted(line.split()[0] for line in blocked)
    policies = (1 if header else 0) + (1 if which == 1 else 0)  # each policy in force reports each payload
    assert directives == ["script-src-attr"] * policies + ["script-src-elem"] * policies, f"{how}: {blocked}"
    assert all("(enforce)" in line for line in blocked), blocked
    assert csp_console, "Chromium reports the blocked scripts on the console too"


def test_without_any_policy_the_same_markup_runs(new_page, injected_site, plain):
    """The sanity check: the meta removed and no header (the plain server), the payload does run."""
    _, _, without_meta = injected_site
    page, _record, dialogs, csp_console = watched_page(new_page)
    response = open_and_settle(page, plain.url(without_meta))
    assert response.status == 200 and "content-security-policy" not in response.headers
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 0
    assert sorted(dialogs) == ["alert: 1", "alert: 2"], dialogs
    assert violations(page) == [] and csp_console == []
