"""Hostile content: nothing an editor's file holds can run script.

Every value of front matter reaches pages, feeds, open data and the search index as
the text it is; `template` and `icon` (which would choose a template or include a
file) are refused; a Markdown body keeps only allowed markup, and each thing removed
is a warning naming the file and the line. Real `mkdocs build` runs of small sites
(`tests/hostile.py` holds the payloads and the checks).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from hostile import (
    ATOM,
    BRAND,
    BRAND_URL,
    CASE,
    CASE_URL,
    CODE_LINE,
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
    REMOVED_LINES,
    SANITIZED_PAGE_LINES,
    SCRIPT,
    SVG,
    TOPICS_URL,
    active_markup,
    article,
    built_html,
    check_json,
    error_lines,
    feeds,
    front_matter_tree,
    hostile,
    line_of,
    make_hostile_site,
    page_text,
    pagefind_fragments,
    parse_html,
    sanitizer_tree,
    warning_lines,
)
from sites import Site, case, make_site, page, with_minhou

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
    unknown = [line for line in warning_lines(stderr) if "unknown field" in line]
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


# -- refused fields -------------------------------------------------------------------------------

REFUSED = {
    "about.md": ("template", "main.html"),
    "cases/2024/a.md": ("icon", "material/home"),
    "brands/rong.md": ("icon", "material/account"),
    "districts/minhou.md": ("template", "shangliang/home.html"),
}


@pytest.fixture(scope="module")
def refused_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """`template` or `icon` in each kind of file (an ordinary page, a case, a brand, a district)."""
    brand = {"name": "榕你来商量", "organisation": "福州市政协"}
    district = {"name": "闽侯县", "brand": "rong"}
    files = {
        "about.md": page({"title": "关于"}, "关于本站。"),
        "cases/2024/a.md": page(case("甲", "2024-01-02", "minhou"), "正文。"),
        "brands/rong.md": page(brand, "品牌。"),
        "districts/minhou.md": page(district, "区县。"),
    }
    for src_uri, (name, value) in REFUSED.items():
        files[src_uri] = files[src_uri].replace("---\n", f"---\n{name}: {value}\n", 1)
    return make_site(tmp_path_factory.mktemp("refused"), files)


def test_template_and_icon_are_errors_naming_the_file_and_the_field(refused_site: Site) -> None:
    result = refused_site.build()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = error_lines(result.stderr)
    for src_uri, (name, _value) in REFUSED.items():
        assert [line for line in errors if line.startswith(f"{src_uri}: {name}: ")], (
            f"no error for {src_uri}: {name}; errors: {errors}"
        )


def test_check_script_gives_refused_fields_their_code_and_line(refused_site: Site) -> None:
    status, problems = check_json(refused_site)
    assert status == 1
    for problem in problems:
        assert {"code", "field", "file", "line", "severity"} <= set(problem), problem
    refused = {(p["file"], p["field"], p["line"], p["severity"]) for p in problems if p["code"] == "field-not-allowed"}
    expected = {
        (src_uri, name, line_of((refused_site.content / src_uri).read_text("utf-8"), f"{name}: {value}"), "error")
        for src_uri, (name, value) in REFUSED.items()
    }
    assert refused == expected


def test_author_subtitle_and_description_are_known_fields(tmp_path: Path) -> None:
    fields = {"author": "福州市政协办公室", "subtitle": "一个副标题", "description": "一句话介绍。"}
    site = make_site(tmp_path, {
        "brands/rong.md": page({"name": "榕你来商量", "organisation": "福州市政协", **fields}),
        "districts/minhou.md": page({"name": "闽侯县", "brand": "rong", **fields}),
        "cases/2024/a.md": page(case("甲", "2024-01-02", "minhou", **fields), "正文。"),
        "about.md": page({"title": "关于", **fields}, "关于本站。"),
    })  # fmt: skip
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    assert "unknown field" not in result.stderr
    for url in ("cases/2024/a/", "about/"):
        document = parse_html(site.html(url))
        assert [m.attrs["content"] for m in document.find("meta", name="description")] == ["一句话介绍。"]
        assert [m.attrs["content"] for m in document.find("meta", name="author")] == ["福州市政协办公室"]


# -- validated fields -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", [JS_URL, "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)", "//example.org/x"],
)  # fmt: skip
def test_a_source_address_other_than_http_is_refused(tmp_path: Path, url: str) -> None:
    site = make_site(
        tmp_path,
        with_minhou(
            {
                "cases/2024/x.md": page(
                    case("甲", "2024-01-02", "minhou", source={"name": "来源", "url": url}), "正文。"
                ),
            }
        ),
    )
    result = site.build()
    assert result.returncode == 1
    assert [line for line in error_lines(result.stderr) if line.startswith("cases/2024/x.md: source.url: ")]


def test_a_case_status_is_a_stage_not_free_text(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        with_minhou(
            {
                "cases/2024/x.md": page(case("甲", "2024-01-02", "minhou", status=hostile("落实")), "正文。"),
            }
        ),
    )
    result = site.build()
    assert result.returncode == 1
    assert [line for line in error_lines(result.stderr) if line.startswith("cases/2024/x.md: status: not allowed")]


# -- file names -----------------------------------------------------------------------------------

HOSTILE_FILE_NAMES = [
    'cases/2024/a"b.md',
    "cases/2024/x'onmouseover='alert(1).md",
    "cases/2024/x<svg onload=alert(1)>.md",
]
QUOTES_AND_BRACKETS = re.compile(r"[\"'<>]")


@pytest.mark.parametrize("src_uri", HOSTILE_FILE_NAMES)
def test_a_file_name_with_quotes_or_brackets_is_refused_or_every_link_to_it_is_encoded(
    tmp_path: Path, src_uri: str
) -> None:
    title = "文件名不寻常的案例"
    site = make_site(
        tmp_path,
        with_minhou(
            {
                src_uri: page(case(title, "2024-01-02", "minhou"), "正文。"),
                "cases/2024/plain.md": page(case("普通案例", "2024-01-03", "minhou"), "正文。"),
            }
        ),
    )
    result = site.build()
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1), result.stderr

    if result.returncode == 1:  # refused: an error naming the file, and no other error
        errors = error_lines(result.stderr)
        assert [line for line in errors if line.startswith(src_uri + ": ")], errors
        _status, problems = check_json(site)
        errors_found = {(p["file"], p["code"]) for p in problems if p["severity"] == "error"}
        assert errors_found == {(src_uri, "unsafe-file-name")}
        return

    # accepted: listed, and every link to any page is percent-encoded
    district = parse_html(site.html("districts/minhou/"))
    links = [a.attrs["href"] for a in district.find("a") if a.text.strip() == title]
    assert links, f"{src_uri} was accepted but is not listed in its district"
    for href in links:
        assert not QUOTES_AND_BRACKETS.search(href), f"raw quote or bracket in href {href!r}"
        target = unquote(urljoin("/districts/minhou/", href)).lstrip("/")
        assert (site.site_dir / target / "index.html").is_file(), (
            f"{href!r} leads nowhere (did a raw quote in the file name end the attribute early?)"
        )
    pages = built_html(site)
    raw = [
        f"{path}: <{element.tag} {name}={value!r}>"
        for path, text in pages.items()
        for element in parse_html(text).elements
        for name, value in element.attrs.items()
        if name in {"href", "src"} and QUOTES_AND_BRACKETS.search(value)
    ]
    assert raw == []
    assert {path: m for path, text in pages.items() if (m := active_markup(text))} == {}


# =========================================================================== Markdown bodies

CASE_SRC = "cases/2024/ludeng.md"
PAGE_SRC = "notes.md"
REMOVED_ELEMENTS = {"script", "iframe", "object", "embed", "style", "form", "input"}
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")


@pytest.fixture(scope="module")
def sanitized(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, str]:
    """The site whose case and ordinary page hold allowed and removed markup; (site, stderr of its build)."""
    site = make_hostile_site(tmp_path_factory.mktemp("sanitized"), sanitizer_tree())
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return site, result.stderr


def expected_lines(site: Site, src_uri: str, snippets: tuple[str, ...]) -> set[int]:
    text = (site.content / src_uri).read_text(encoding="utf-8")
    return {line_of(text, snippet) for snippet in snippets}


def warned_lines(stderr: str, src_uri: str) -> set[int]:
    """The lines of `src_uri` that the build's warnings name (`<file>: … line N …`)."""
    lines = set()
    for warning in warning_lines(stderr):
        if warning.startswith(src_uri + ": "):
            lines.update(int(n) for n in re.findall(r"\bline (\d+)\b", warning))
    return lines


def test_each_removal_is_a_warning_naming_the_file_and_its_line(sanitized: tuple[Site, str]) -> None:
    site, stderr = sanitized
    assert warned_lines(stderr, CASE_SRC) == expected_lines(site, CASE_SRC, REMOVED_LINES)
    assert warned_lines(stderr, PAGE_SRC) == expected_lines(site, PAGE_SRC, SANITIZED_PAGE_LINES)


def test_removed_markup_fails_a_strict_build(sanitized: tuple[Site, str]) -> None:
    site, _stderr = sanitized
    assert site.build("--strict").returncode == 1


def _unsafe(element_html: str) -> list[str]:
    found = []
    for element in parse_html(element_html).elements:
        where = f"<{element.tag}> (article line {element.line})"
        if element.tag in REMOVED_ELEMENTS:
            found.append(where)
        for name, value in element.attrs.items():
            if name.startswith("on"):
                found.append(f"{where} {name}={value!r}")
            if name in {"href", "src"} and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(UNSAFE_SCHEMES):
                found.append(f"{where} {name}={value!r}")
        if element.tag == "img" and re.match(r"\s*(https?:)?//", element.attrs.get("src", ""), re.I):
            found.append(f"{where} src={element.attrs['src']!r} (another host)")
    return found


@pytest.mark.parametrize("url", ["cases/2024/ludeng/", "notes/"])
def test_the_published_page_has_none_of_the_removed_markup(sanitized: tuple[Site, str], url: str) -> None:
    site, _stderr = sanitized
    assert _unsafe(article(site.html(url))) == []
    assert active_markup(site.html(url)) == []


def test_removing_an_attribute_keeps_its_element_and_text(sanitized: tuple[Site, str]) -> None:
    site, _stderr = sanitized
    case_page = parse_html(article(site.html("cases/2024/ludeng/")))
    assert "点我" in [h.text.strip() for h in case_page.find("h2")]
    assert "点击段落" in case_page.text
    assert "移过来" in page_text(site, "notes/")


def test_the_allowed_markup_is_kept(sanitized: tuple[Site, str]) -> None:
    site, _stderr = sanitized
    body = parse_html(article(site.html("cases/2024/ludeng/")))
    cells = [cell.text.strip() for cell in body.elements if cell.tag in {"th", "td"}]
    assert body.find("table") and cells == ["项目", "数量", "路灯", "12"]
    pictures = [img.attrs.get("src") for img in body.find("img") if img.attrs.get("alt") == "示意图"]
    assert pictures == ["../tu.png"], "a relative image inside the tree is kept"
    assert [s.text for s in body.find("summary")] == ["展开详情"]
    assert [d.text for d in body.find("details")] == ["展开详情详情内容"]
    admonitions = [d for d in body.find("div") if {"admonition", "note"} <= d.classes]
    assert len(admonitions) == 1 and "提示内容。" in admonitions[0].text
    assert [p.text for p in body.find("p") if "admonition-title" in p.classes] == ["注意"]
    links = {a.attrs.get("href"): a.text for a in body.find("a")}
    assert links.get("http://www.rmzxw.com.cn/") == "人民政协网"
    assert links.get("mailto:editor@example.org") == "来信"
    assert links.get("../other/") == "另一个案例"
    assert links.get("#过程") == "回到过程"
    assert "过程" in [h.attrs.get("id") for h in body.find("h2")]
    assert [c.text for c in body.find("code") if CODE_LINE in c.text], "a code block keeps markup as text"


def test_check_script_lists_each_removal_with_its_code_and_line(sanitized: tuple[Site, str]) -> None:
    site, _stderr = sanitized
    status, problems = check_json(site)
    assert status == 0, problems
    for src_uri, snippets in ((CASE_SRC, REMOVED_LINES), (PAGE_SRC, SANITIZED_PAGE_LINES)):
        unsafe = [p for p in problems if p["code"] == "unsafe-html" and p["file"] == src_uri]
        assert {p["severity"] for p in unsafe} == {"warning"}
        assert {p["line"] for p in unsafe} == expected_lines(site, src_uri, snippets)
        for problem in unsafe:
            assert {"code", "field", "file", "line", "severity"} <= set(problem), problem
    strict_status, _ = check_json(site, "--strict")
    assert strict_status == 1
