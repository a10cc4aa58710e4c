"""Hostile content: front matter reaches every output as the text it is, never as markup.

Every value of front matter reaches pages, feeds, open data (data/cases.json and
data/cases.csv) and the search index as the text it is, in one build of a tree whose
every field holds every payload; and the checks themselves see each payload when it is
not escaped.

Real `mkdocs build` runs of small sites (`tests/hostile.py` holds the payloads and
the checks).
"""

from __future__ import annotations

import csv
import html
import io
import json

import pytest
from hostile import (
    ATOM,
    BRAND,
    BRAND_URL,
    CASE,
    CASE_URL,
    DISTRICT,
    DISTRICT_URL,
    HIGHLIGHTS_URL,
    HOSTILE_SOURCE_URL,
    IMG,
    JS_URL,
    OLDER_CASE,
    ORDINARY_PAGE,
    ORDINARY_URL,
    PAYLOADS,
    SCRIPT,
    SVG,
    TOPICS_URL,
    active_markup,
    built_html,
    check_json,
    feeds,
    front_matter_tree,
    make_hostile_site,
    page_text,
    pagefind_fragments,
    parse_html,
    warning_lines,
)
from sites import Site

ATTRIBUTE_PAYLOAD = PAYLOADS[-1]


# =========================================================================== the checks themselves


def test_the_checks_see_each_payload_when_it_is_not_escaped() -> None:
    """Raw, each payload is found; escaped, none is: the checks below can fail."""
    raw = {
        "script": f"<h1>{SCRIPT}</h1>",
        "img": f'<meta content="{IMG}">',
        "svg": f"<p>{SVG}</p>",
        "javascript: link": f'<a href="{JS_URL}">来源</a>',
        "quote": f"<a title='{ATTRIBUTE_PAYLOAD}'>x</a>",
    }
    for name, markup in raw.items():
        assert active_markup(markup), f"{name}: not seen in {markup!r}"
    escaped = "".join(f"<h1>{html.escape(p)}</h1><a title='{html.escape(p)}'>{html.escape(p)}</a>" for p in PAYLOADS)
    assert active_markup(escaped) == []
    assert active_markup(f'<a href="https://example.org/">{html.escape(JS_URL)}</a>') == []


# =========================================================================== front matter

FIELD_TEXTS: dict[str, list[str]] = {
    CASE_URL: [
        CASE["title"],
        CASE["venue"],
        CASE["departments"][0],
        CASE["reports"][0],
        CASE["source"]["name"],
        CASE["tags"][0],
        BRAND["name"],
        DISTRICT["name"],
        OLDER_CASE["title"],
    ],
    BRAND_URL: [BRAND["name"], BRAND["organisation"], BRAND["slogan"], DISTRICT["sub_brand"], CASE["title"]],
    DISTRICT_URL: [DISTRICT["name"], DISTRICT["sub_brand"], CASE["title"], OLDER_CASE["title"]],
    "": [BRAND["name"], CASE["title"], OLDER_CASE["title"]],
    HIGHLIGHTS_URL: [CASE["title"], OLDER_CASE["title"]],
    TOPICS_URL: [CASE["tags"][0], OLDER_CASE["tags"][0], ORDINARY_PAGE["tags"][0], CASE["title"]],
    ORDINARY_URL: [ORDINARY_PAGE["title"]],
}


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, str]:
    """A brand, a district, two cases, an ordinary page and /topics/, every field holding every payload;
    (site, stderr of its build)."""
    site = make_hostile_site(tmp_path_factory.mktemp("hostile"), front_matter_tree(), search=True)
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return site, result.stderr


@pytest.fixture(scope="module")
def hostile_site(hostile_build: tuple[Site, str]) -> Site:
    return hostile_build[0]


def test_markup_in_allowed_fields_builds_and_author_subtitle_description_are_known(
    hostile_build: tuple[Site, str],
) -> None:
    hostile_site, stderr = hostile_build
    unknown = [line for line in warning_lines(stderr) if "未知字段" in line]
    assert unknown == [], "author, subtitle and description are page fields"
    status, problems = check_json(hostile_site)
    assert status == 0, problems
    assert [p for p in problems if p["severity"] == "error"] == []


def test_no_built_page_carries_markup_from_front_matter(hostile_site: Site) -> None:
    pages = built_html(hostile_site)
    for url in FIELD_TEXTS:
        assert url + "index.html" in pages, f"/{url} was not built"
    found = {path: markup for path, text in pages.items() if (markup := active_markup(text))}
    assert found == {}, "markup from front matter in: " + "; ".join(f"{p}: {m[:3]}" for p, m in found.items())


@pytest.mark.parametrize("url", list(FIELD_TEXTS), ids=lambda url: "/" + url)
def test_each_page_shows_the_values_as_the_text_written(hostile_site: Site, url: str) -> None:
    text = page_text(hostile_site, url)
    missing = [value for value in FIELD_TEXTS[url] if value not in text]
    assert missing == [], f"/{url} does not show these values as text: {missing}"


def test_the_case_page_keeps_its_values_whole_in_attributes(hostile_site: Site) -> None:
    document = parse_html(hostile_site.html(CASE_URL))
    sources = [a for a in document.find("a") if a.text.strip() == CASE["source"]["name"]]
    assert [a.attrs["href"] for a in sources] == [HOSTILE_SOURCE_URL], "the source link is the address as written"
    (title,) = document.find("h1")
    assert title.text.strip() == CASE["title"]
    assert [m.attrs["content"] for m in document.find("meta", name="description")] == [CASE["description"]]
    assert [m.attrs["content"] for m in document.find("meta", name="author")] == [CASE["author"]]


def test_the_ordinary_page_shows_title_description_and_author_as_text(hostile_site: Site) -> None:
    document = parse_html(hostile_site.html(ORDINARY_URL))
    assert [h.text.strip() for h in document.find("h1")] == [ORDINARY_PAGE["title"]]
    assert [m.attrs["content"] for m in document.find("meta", name="description")] == [ORDINARY_PAGE["description"]]
    assert [m.attrs["content"] for m in document.find("meta", name="author")] == [ORDINARY_PAGE["author"]]
    titles = [t.text.strip() for t in document.find("title")]
    assert titles == [f"{ORDINARY_PAGE['title']} - 测试站"]


# -- feeds ----------------------------------------------------------------------------------------

MARKUP_TAGS = {"script", "img", "svg", "iframe", "object", "embed", "style"}


def atom_text(element) -> str:  # type: ignore[no-untyped-def]
    """What a feed reader shows for a text construct: text as it is, html rendered to its text."""
    kind = element.get("type", "text")
    if kind == "html":
        return parse_html(element.text or "").text.strip()
    return "".join(element.itertext()).strip()


def test_feeds_carry_the_values_as_text(hostile_site: Site) -> None:
    documents = feeds(hostile_site)
    assert set(documents) == {"feeds/cases.xml", "feeds/districts/minhou.xml"}
    for path, root in documents.items():
        for element in root.iter():
            local = element.tag.rsplit("}", 1)[-1]
            assert local not in MARKUP_TAGS, f"{path}: a <{local}> element"
            if element.get("type") == "html":
                assert "<script" not in (element.text or "").lower(), f"{path}: <{local}> holds a script tag"
                assert active_markup(element.text or "") == [], f"{path}: <{local}> holds markup"
            if element.get("type") == "xhtml":
                assert not [e for e in element.iter() if e.tag.rsplit("}", 1)[-1] in MARKUP_TAGS], path
        entries = {atom_text(e.find(ATOM + "title")): e for e in root.iter(ATOM + "entry")}
        assert set(entries) == {CASE["title"], OLDER_CASE["title"]}, path
        entry = entries[CASE["title"]]
        assert atom_text(entry.find(ATOM + "summary")) == CASE["summary"], path
        assert [c.get("term") for c in entry.iter(ATOM + "category")] == CASE["tags"], path
        assert [atom_text(a.find(ATOM + "name")) for a in entry.iter(ATOM + "author")] == [DISTRICT["organisation"]]


# -- open data ------------------------------------------------------------------------------------


def _expected_record_values() -> dict[str, object]:
    return {
        "title": CASE["title"],
        "venue": CASE["venue"],
        "tags": CASE["tags"],
        "departments": CASE["departments"],
        "reports": CASE["reports"],
        "summary": CASE["summary"],
        "source": {"name": CASE["source"]["name"], "url": HOSTILE_SOURCE_URL, "date": "2024-06-20"},
        "districts": [{
            "key": "minhou", "name": DISTRICT["name"], "sub_brand": DISTRICT["sub_brand"],
            "organisation": DISTRICT["organisation"],
        }],
        "brand": {"key": "rong", "name": BRAND["name"], "organisation": BRAND["organisation"]},
    }  # fmt: skip


def test_cases_json_holds_the_values_exactly_and_no_markup_characters(hostile_site: Site) -> None:
    raw = (hostile_site.site_dir / "data/cases.json").read_bytes()
    for character in (b"<", b">", b"&"):
        assert character not in raw, f"cases.json has a literal {character.decode()} (expected it as \\u00..)"
    document = json.loads(raw)
    (record,) = [r for r in document["cases"] if r["src"] == "cases/2024/dianshang.md"]
    assert {key: record[key] for key in _expected_record_values()} == _expected_record_values()


def test_cases_csv_round_trips_the_values_exactly(hostile_site: Site) -> None:
    text = (hostile_site.site_dir / "data/cases.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    (row,) = [r for r in rows if r["src"] == "cases/2024/dianshang.md"]
    assert {
        "title": row["title"], "venue": row["venue"], "tags": row["tags"], "departments": row["departments"],
        "reports": row["reports"], "summary": row["summary"], "source_name": row["source_name"],
        "source_url": row["source_url"], "district_names": row["district_names"], "sub_brands": row["sub_brands"],
        "brand_name": row["brand_name"], "brand_organisation": row["brand_organisation"],
    } == {
        "title": CASE["title"], "venue": CASE["venue"], "tags": "|".join(CASE["tags"]),
        "departments": "|".join(CASE["departments"]), "reports": "|".join(CASE["reports"]),
        "summary": CASE["summary"], "source_name": CASE["source"]["name"], "source_url": HOSTILE_SOURCE_URL,
        "district_names": DISTRICT["name"], "sub_brands": DISTRICT["sub_brand"], "brand_name": BRAND["name"],
        "brand_organisation": BRAND["organisation"],
    }  # fmt: skip


# -- search index ---------------------------------------------------------------------------------


def test_the_search_index_holds_the_payloads_as_text_only(hostile_site: Site) -> None:
    """Pagefind keeps a page's text (segmented with zero-width spaces) and drops its elements.

    So a payload shown as text on the page is in the fragment as text, whole; one that became
    markup would be missing from the text, or seen as an element (a `<img src=x>` becomes the
    page's `image`). The search dialog escapes this text (tests/browser/test_hostile_pages.py).
    """
    fragments = {f["url"]: f for f in pagefind_fragments(hostile_site).values()}
    own_text = {
        CASE_URL: CASE["title"], BRAND_URL: BRAND["name"], DISTRICT_URL: DISTRICT["name"],
        ORDINARY_URL: ORDINARY_PAGE["title"], TOPICS_URL: CASE["tags"][0],
    }  # fmt: skip
    assert {"/" + url for url in own_text} <= set(fragments), sorted(fragments)
    for url, fragment in fragments.items():
        assert fragment["meta"].get("image") != "x", f"{url}: Pagefind found the payload's <img src=x>"
    for url, text in own_text.items():
        content = fragments["/" + url]["content"].replace("\u200b", "")
        assert text in content, f"/{url}: the index lacks the text {text!r}"
    case_meta = fragments["/" + CASE_URL]["meta"]
    assert case_meta["title"] == CASE["title"]
    assert case_meta["brand"] == BRAND["name"]
    assert DISTRICT["name"] in case_meta["district"]
