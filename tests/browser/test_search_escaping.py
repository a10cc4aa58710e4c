"""Search results escape what comes from the index, checked in headless Chromium.

The index is built from the site's own pages, but a title, summary or brand
name is text an editor typed: it must show as text in the search dialog, never
become markup. These tests import the render module the dialog uses
(`assets/shangliang/search/render.js`) into a page of the served site, feed it
hostile result data shaped like Pagefind's (`await result.data()`), put what it
returns into the document and look at the DOM that came out.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

RENDER_MODULE = "assets/shangliang/search/render.js"

# Markup the renderer itself writes inside a result's <li> (then one or two <p>:
# facts, teaser); <mark> is the one element the data may bring (Pagefind's
# highlight in excerpts, copied into titles).
WRAPPERS = ["A", "ARTICLE", "DIV", "H2"]
ALLOWED_ATTRIBUTES = {"class", "href"}

HOSTILE = [
    {
        "url": "javascript:alert(1)",
        "meta": {
            "title": "<img src=x onerror=alert(1)>路灯",
            "brand": '"><svg onload=alert(2)>',
            "district": "' onmouseover='alert(3)' x='",
            "date": "2023</p><script>alert(4)</script><p>",
        },
        "excerpt": (
            "加装<mark>路灯</mark>的协商 <script>alert(5)</script>"
            '<img src=x onerror="alert(6)"> <mark onclick="alert(7)">点</mark>'
            ' &lt;b&gt;粗&lt;/b&gt; &amp; <a href="javascript:alert(8)">链接</a>'
        ),
    },
    {
        # No title: the URL is shown instead, and goes into href as it is.
        "url": "/cases/\"><svg onload=alert(9)><a href='javascript:alert(10)'>/",
        "meta": {"brand": "&amp;&#60;b&#62;", "district": "<style>*{display:none}</style>"},
        "excerpt": '<iframe src="javascript:alert(11)"></iframe><mark>路灯<mark> <svg><script>alert(12)</script>',
    },
    {
        "url": "  JaVaScRiPt:alert(13)",
        "meta": {"title": "<mark>假</mark>\u0002<b>强</b>\u0003", "date": '<base href="javascript:alert(14)//">'},
        "excerpt": "\u0001<img src=x onerror=alert(15)>\u0001 data:text/html,<script>alert(16)</script>",
    },
]

# Insert results into a list at the end of the page, then describe every element
# that came out: its tag, attributes and (for the parts of a result) its text.
RENDER_AND_INSPECT = """
async ([moduleUrl, datas]) => {
  const render = await import(moduleUrl);
  const before = document.body.innerHTML;
  const html = datas.map((data) => render.resultHtml(data));
  const pure = document.body.innerHTML === before;
  const list = document.createElement("ol");
  list.id = "sl-escaping-test";
  for (const data of datas) list.append(render.renderResult(data));
  document.body.append(list);
  const items = Array.from(list.children).map((item) => {
    const text = (selector) => item.querySelector(selector)?.textContent ?? null;
    return {
      tag: item.tagName,
      tags: Array.from(item.querySelectorAll("*"), (el) => el.tagName),
      marks: Array.from(item.querySelectorAll("mark"), (el) => [el.parentElement.tagName, el.textContent]),
      attributes: Array.from([item, ...item.querySelectorAll("*")], (el) =>
        Array.from(el.attributes, (attr) => [el.tagName, attr.name, attr.value])
      ).flat(),
      href: item.querySelector("a")?.getAttribute("href") ?? null,
      resolvedHref: item.querySelector("a")?.href ?? null,
      title: text(".sl-search-result__title"),
      facts: text(".sl-search-result__facts"),
      teaser: text(".md-search-result__teaser"),
    };
  });
  const parsed = (markup) => {
    const box = document.createElement("template");
    box.innerHTML = markup;
    return box.innerHTML;
  };
  const sameAsRendered = Array.from(list.children).every((li, i) => li.innerHTML === parsed(html[i]));
  return { html, pure, sameAsRendered, items, scripts: document.querySelectorAll("#sl-escaping-test script").length };
}
"""


@pytest.fixture
def rendered(new_page, site_server):
    """Render `datas` in a page of the site; (inspection, page, record, dialogs) for the test."""
    page, record = new_page()
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(site_server.url("/"), wait_until="load")

    def render(datas: list[dict]) -> dict:
        result = page.evaluate(RENDER_AND_INSPECT, [site_server.url(RENDER_MODULE), datas])
        # Let anything the markup could start run: image errors, svg onload, iframes.
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        return result

    return render, page, record, dialogs


def structure(item: dict) -> list[str]:
    return [tag for tag in item["tags"] if tag != "MARK"]


def test_hostile_result_data_stays_text(rendered):
    render, _page, record, dialogs = rendered
    result = render(HOSTILE)

    assert result["pure"], "resultHtml changed the document"
    assert result["sameAsRendered"], "renderResult does not insert resultHtml's markup"
    assert result["scripts"] == 0
    for data, item, html in zip(HOSTILE, result["items"], result["html"], strict=True):
        facts = [data["meta"][key] for key in ("brand", "district", "date") if data["meta"].get(key)]
        # Only the renderer's own elements, in its own order; <mark> is the one element from the data.
        assert structure(item) == WRAPPERS + ["P"] * (1 + bool(facts)), (item["tags"], html)
        assert item["tag"] == "LI"
        assert set(item["tags"]) <= {*WRAPPERS, "P", "MARK"}, html
        for tag, name, value in item["attributes"]:
            assert name in ALLOWED_ATTRIBUTES, f"<{tag}> has attribute {name}={value!r}: {html}"
            assert not name.startswith("on"), html
        assert not item["resolvedHref"].lower().startswith(("javascript:", "data:")), item["resolvedHref"]
        assert item["resolvedHref"].startswith("http://127.0.0.1:"), item["resolvedHref"]

        # The text shows the characters the data holds.
        assert item["title"] == (data["meta"].get("title") or data["url"]).replace("\u0002", "").replace("\u0003", "")
        assert item["facts"] == (" · ".join(facts) if facts else None)

    first, second, third = result["items"]
    assert first["href"] == "#", "a javascript: URL must not become a link"
    assert third["href"] == "#", "nor one in disguise"
    assert second["href"] == HOSTILE[1]["url"], "a path of the site goes into href as it is"
    assert "<script>alert(5)</script>" in first["teaser"]
    assert '<img src=x onerror="alert(6)">' in first["teaser"]
    assert '<mark onclick="alert(7)">点' in first["teaser"], "a <mark> with attributes is text"
    assert "<b>粗</b> & " in first["teaser"], "Pagefind's own entities show as the characters"
    assert "<iframe" in second["teaser"] and "<svg><script>alert(12)</script>" in second["teaser"]
    assert "<img src=x onerror=alert(15)>" in third["teaser"]

    assert not dialogs, f"the data ran script: {dialogs}"
    assert not record.page_errors, record.page_errors
    assert not record.foreign_requests(), record.foreign_requests()


def test_the_excerpts_highlight_survives(rendered):
    render, _page, _record, dialogs = rendered
    data = {
        "url": "/cases/2023/lu-deng/",
        "meta": {"title": "普陀村加装路灯", "brand": "有事好商量", "district": "闽侯县", "date": "2023-05-01"},
        "excerpt": "村民说<mark>路灯</mark>坏了很久 &amp; 委员在<mark>普陀村</mark>调研 <mark>未闭合",
    }
    (item,) = render([data])["items"]

    assert item["href"] == "/cases/2023/lu-deng/"
    assert item["resolvedHref"].endswith("/cases/2023/lu-deng/")
    assert ["P", "路灯"] in item["marks"] and ["P", "普陀村"] in item["marks"], item["marks"]
    # The words marked in the excerpt are marked in the title too.
    assert ["H2", "路灯"] in item["marks"] and ["H2", "普陀村"] in item["marks"], item["marks"]
    assert item["title"] == "普陀村加装路灯"
    assert item["teaser"] == "村民说路灯坏了很久 & 委员在普陀村调研 未闭合"
    assert item["facts"] == "有事好商量 · 闽侯县 · 2023-05-01"
    assert structure(item) == [*WRAPPERS, "P", "P"]
    assert not dialogs


def test_the_check_sees_markup_that_was_not_escaped(rendered):
    """The inspection above would notice: raw markup from the data shows up as elements."""
    _render, page, _record, dialogs = rendered
    tags = page.evaluate(
        """(title) => {
          const item = document.createElement("li");
          item.innerHTML = `<h2>${title}</h2>`;
          document.body.append(item);
          return Array.from(item.querySelectorAll("*"), (el) => el.tagName);
        }""",
        HOSTILE[0]["meta"]["title"],
    )
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert tags == ["H2", "IMG"]
    # Its onerror handler does not run all the same: the page's Content-Security-Policy refuses inline
    # handlers, a second line of defence (the element checks above are the first).
    assert dialogs == []
