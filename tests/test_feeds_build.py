"""Open data files and Atom feeds in real `mkdocs build` output, read back with standard parsers.

The fixture site is `sites.fuzhou_tree()` (two districts, a joint case, a draft)
published under a sub-path, so every absolute URL must keep the path; `v2` adds
content model v2's dates with only a month or a year, stages, partners and a venue page.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from atom_check import atom_problems
from conftest import REPO
from jsonschema import Draft202012Validator
from sites import Site, case, fuzhou_tree, make_site, page, with_minhou
from test_sample import district_keys, published_cases

from shangliang.content.tree import SiteSettings

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.org/sl/"
DRAFT = ("尚未发布的草稿案例", "草稿正文独有词汇", "caogao")
# Published cases of fuzhou_tree(), newest first, with their districts (written out from the tree).
PUBLISHED = {
    "cases/2024/dianshang/": ["minhou"],
    "cases/2024/yiyuan/": ["gulou"],
    "cases/2023/lianhe/": ["minhou", "gulou"],
    "cases/2023/zaoqi/": ["minhou"],
}
FEED_LINK = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)" href="([^"]*)">')


def with_site_url(site: Site, site_url: str | None) -> Site:
    config = site.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("site_url: http://127.0.0.1/\n", "")
    config.write_text((f"site_url: {site_url}\n" if site_url else "") + text, encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def fuzhou(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = with_site_url(make_site(tmp_path_factory.mktemp("fuzhou-feeds"), fuzhou_tree()), SITE_URL)
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    return site


def read_json(site_dir: Path) -> dict:
    return json.loads((site_dir / "data/cases.json").read_text(encoding="utf-8"))


def read_csv(site_dir: Path) -> list[dict[str, str]]:
    raw = (site_dir / "data/cases.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "the CSV starts with a UTF-8 byte-order mark, for Excel"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def feed_entries(site_dir: Path, path: str) -> list[str]:
    """The entry ids of a feed, in order, parsed as Atom (and checked against RFC 4287)."""
    xml = (site_dir / path).read_bytes()
    assert atom_problems(xml) == [], path
    root = ET.fromstring(xml)
    assert root.tag == f"{ATOM}feed"
    return [entry.findtext(f"{ATOM}id") or "" for entry in root.findall(f"{ATOM}entry")]


def head_feed_links(site: Site, url: str) -> dict[str, str]:
    """The page's Atom links as title → the site file each points to (the file must exist).

    Material's JavaScript fetches `sitemap.xml` next to every `<link rel="alternate">`:
    that file must exist too, or every page load logs a 404.
    """
    html = site.html(url)
    head = html.split("</head>", 1)[0]
    links = {}
    for title, href in FEED_LINK.findall(head):
        target = urlsplit(urljoin(SITE_URL + url, href)).path.removeprefix(urlsplit(SITE_URL).path)
        assert (site.site_dir / target).is_file(), f"{url}: {href} points at no file"
        assert (site.site_dir / target).with_name("sitemap.xml").is_file(), f"{url}: no sitemap.xml next to {href}"
        links[title] = target
    return links


# -- data files --------------------------------------------------------------------


def test_json_lists_every_published_case_newest_first_with_absolute_urls(fuzhou: Site) -> None:
    document = read_json(fuzhou.site_dir)
    assert document["count"] == len(document["cases"]) == 4
    assert [record["url"] for record in document["cases"]] == [SITE_URL + url for url in PUBLISHED]
    assert [[d["key"] for d in record["districts"]] for record in document["cases"]] == list(PUBLISHED.values())
    assert document["$schema"] == SITE_URL + "data/cases.schema.json"


def test_json_validates_against_the_published_schema(fuzhou: Site) -> None:
    schema = json.loads((fuzhou.site_dir / "data/cases.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    validator.validate(read_json(fuzhou.site_dir))


def test_unstated_figures_are_null_in_json_and_empty_in_csv(fuzhou: Site) -> None:
    records = {record["src"]: record for record in read_json(fuzhou.site_dir)["cases"]}
    rows = {row["src"]: row for row in read_csv(fuzhou.site_dir)}
    # yiyuan states members 5, participants 20, no problems_solved.
    assert (records["cases/2024/yiyuan.md"]["members"], records["cases/2024/yiyuan.md"]["problems_solved"]) == (5, None)
    assert (rows["cases/2024/yiyuan.md"]["members"], rows["cases/2024/yiyuan.md"]["problems_solved"]) == ("5", "")


def test_csv_has_one_row_per_published_case_and_joint_districts_joined(fuzhou: Site) -> None:
    rows = read_csv(fuzhou.site_dir)
    assert [row["url"] for row in rows] == [SITE_URL + url for url in PUBLISHED]
    assert [row["district_keys"] for row in rows] == ["|".join(keys) for keys in PUBLISHED.values()]
    assert rows[0]["title"] == "推进县域电商直播基地建设"
    assert rows[0]["sub_brands"] == "邑起来商量"


# -- feeds -------------------------------------------------------------------------


def test_feeds_parse_as_atom_with_the_right_entries(fuzhou: Site) -> None:
    site_dir = fuzhou.site_dir
    assert feed_entries(site_dir, "feeds/cases.xml") == [SITE_URL + url for url in PUBLISHED]
    for district in ("minhou", "gulou"):
        expected = [SITE_URL + url for url, keys in PUBLISHED.items() if district in keys]
        assert feed_entries(site_dir, f"feeds/districts/{district}.xml") == expected, district
    assert sorted(path.name for path in (site_dir / "feeds/districts").iterdir()) == [
        "gulou.xml", "minhou.xml", "sitemap.xml",
    ]  # fmt: skip
    for folder in ("feeds", "feeds/districts"):
        sitemap = ET.parse(site_dir / folder / "sitemap.xml").getroot()
        assert (sitemap.tag, list(sitemap)) == ("{http://www.sitemaps.org/schemas/sitemap/0.9}urlset", []), folder


def test_the_joint_case_is_in_both_district_feeds(fuzhou: Site) -> None:
    joint = SITE_URL + "cases/2023/lianhe/"
    assert joint in feed_entries(fuzhou.site_dir, "feeds/districts/minhou.xml")
    assert joint in feed_entries(fuzhou.site_dir, "feeds/districts/gulou.xml")


def test_a_feed_is_as_new_as_its_newest_case(fuzhou: Site) -> None:
    root = ET.parse(fuzhou.site_dir / "feeds/districts/gulou.xml").getroot()
    assert root.findtext(f"{ATOM}updated") == "2024-03-02T00:00:00+08:00"  # yiyuan
    self_link = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link == [SITE_URL + "feeds/districts/gulou.xml"]


def test_the_draft_is_in_no_data_file_and_no_feed(fuzhou: Site) -> None:
    for path in [*(fuzhou.site_dir / "data").iterdir(), *(fuzhou.site_dir / "feeds").rglob("*.xml")]:
        text = path.read_bytes().decode("utf-8-sig")
        for word in DRAFT:
            assert word not in text, f"{word} in {path.name}"


# -- content model v2 ----------------------------------------------------------------

# Published cases of the v2 site, newest first: a month after the days written out in it, a year after its months.
V2_PUBLISHED = [
    "cases/2024/dianshang/", "cases/2024/a-liuyue/", "cases/2024/yiyuan/", "cases/2024/a-quannian/",
    "cases/2023/lianhe/", "cases/2023/zaoqi/",
]  # fmt: skip


@pytest.fixture(scope="module")
def v2(tmp_path_factory: pytest.TempPathFactory) -> Site:
    files = fuzhou_tree()
    venue = {"name": "甘蔗街道委员联系点", "type": "委员联系点", "district": "minhou"}
    files["venues/ganzhe.md"] = page(venue, "联系点。")
    files["cases/2024/a-liuyue.md"] = page(
        case("只知六月的案例", "2024-06", "minhou", venue="ganzhe", partners=["内江市政协"],
             stages={"选题": "2024-05", "协商": "2024-06"}),
        "六月的协商。",
    )
    files["cases/2024/a-quannian.md"] = page(case("只知年份的案例", "2024", "gulou"), "这一年的协商。")
    site = with_site_url(make_site(tmp_path_factory.mktemp("v2-feeds"), files), SITE_URL)
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    return site


def test_v2_data_keeps_dates_as_written_in_the_catalogues_order_and_validates(v2: Site) -> None:
    document = read_json(v2.site_dir)
    assert [record["url"] for record in document["cases"]] == [SITE_URL + url for url in V2_PUBLISHED]
    records = {record["src"]: record for record in document["cases"]}
    month, year = records["cases/2024/a-liuyue.md"], records["cases/2024/a-quannian.md"]
    assert (month["date"], month["date_precision"], year["date"], year["date_precision"]) == (
        "2024-06", "month", "2024", "year",
    )  # fmt: skip
    assert (month["stages"], month["partners"]) == ({"选题": "2024-05", "协商": "2024-06"}, ["内江市政协"])
    assert (month["venue"], month["venue_key"]) == ("甘蔗街道委员联系点", "ganzhe")
    schema = json.loads((v2.site_dir / "data/cases.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(document)
    rows = {row["src"]: row for row in read_csv(v2.site_dir)}
    assert rows["cases/2024/a-liuyue.md"]["stages"] == "选题=2024-05|协商=2024-06"
    assert (rows["cases/2024/a-quannian.md"]["date"], rows["cases/2024/a-quannian.md"]["date_precision"]) == (
        "2024", "year",
    )  # fmt: skip


def test_v2_every_feed_is_valid_atom_and_dates_a_month_or_a_year_by_its_first_day(v2: Site) -> None:
    assert feed_entries(v2.site_dir, "feeds/cases.xml") == [SITE_URL + url for url in V2_PUBLISHED]
    for district in ("minhou", "gulou"):
        feed_entries(v2.site_dir, f"feeds/districts/{district}.xml")  # checked against RFC 4287
    root = ET.parse(v2.site_dir / "feeds/cases.xml").getroot()
    entries = {entry.findtext(f"{ATOM}id"): entry for entry in root.findall(f"{ATOM}entry")}
    month, year = entries[SITE_URL + "cases/2024/a-liuyue/"], entries[SITE_URL + "cases/2024/a-quannian/"]
    assert month.findtext(f"{ATOM}published") == "2024-06-01T00:00:00+08:00"
    assert (month.findtext(f"{ATOM}summary") or "").startswith("（协商日期为2024年6月，来源未写明具体日期；")
    assert year.findtext(f"{ATOM}updated") == "2024-01-01T00:00:00+08:00"
    assert (year.findtext(f"{ATOM}summary") or "").endswith("本条时间按该年第一天记。）这一年的协商。")
    assert root.findtext(f"{ATOM}updated") == "2024-06-18T00:00:00+08:00"  # dianshang, the newest


# -- links -------------------------------------------------------------------------


def test_pages_link_the_site_feed_and_their_districts_feeds_in_the_head(fuzhou: Site) -> None:
    site_feed = {"测试站：全部新案例": "feeds/cases.xml"}
    assert head_feed_links(fuzhou, "") == site_feed
    assert head_feed_links(fuzhou, "brands/rong/") == site_feed
    assert head_feed_links(fuzhou, "districts/gulou/") == {
        **site_feed, "鼓楼区 · 家在鼓楼，协商为民：新案例": "feeds/districts/gulou.xml"
    }
    assert head_feed_links(fuzhou, "cases/2023/lianhe/") == {
        **site_feed,
        "闽侯县 · 邑起来商量：新案例": "feeds/districts/minhou.xml",
        "鼓楼区 · 家在鼓楼，协商为民：新案例": "feeds/districts/gulou.xml",
    }


def test_the_home_page_links_the_data_files_and_the_feed_visibly(fuzhou: Site) -> None:
    body = fuzhou.html("").split("</head>", 1)[1]
    line = re.search(r'<p class="sl-open-data">(.*?)</p>', body, re.S)
    assert line, "no open data line on the home page"
    hrefs = re.findall(r'href="([^"]+)"', line.group(1))
    assert hrefs == ["data/cases.json", "data/cases.csv", "data/cases.schema.json", "feeds/cases.xml"]
    assert all((fuzhou.site_dir / href).is_file() for href in hrefs)


# -- determinism and configuration ----------------------------------------------------


def test_a_second_build_writes_the_same_bytes(fuzhou: Site, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = fuzhou.build("--strict", "--site-dir", str(again))
    assert result.returncode == 0, result.stderr
    written = sorted(
        path.relative_to(fuzhou.site_dir)
        for folder in ("data", "feeds") for path in (fuzhou.site_dir / folder).rglob("*") if path.is_file()
    )  # fmt: skip
    assert len(written) == 3 + 3 + 2  # data files; site and district feeds; empty sitemaps
    for path in written:
        assert (again / path).read_bytes() == (fuzhou.site_dir / path).read_bytes(), path


def test_without_site_url_data_is_site_relative_and_feeds_are_skipped_with_a_warning(tmp_path: Path) -> None:
    files = with_minhou({"cases/2024/a.md": page(case("一个案例", "2024-06-18", "minhou"), "正文。")})
    site = with_site_url(make_site(tmp_path, files), None)
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert "没有生成 Atom 订阅" in result.stderr and "site_url" in result.stderr
    assert [record["url"] for record in read_json(site.site_dir)["cases"]] == ["cases/2024/a/"]
    assert not (site.site_dir / "feeds").exists()
    assert "application/atom+xml" not in site.html("") + site.html("districts/minhou/")


# -- the sample publication ------------------------------------------------------------


def test_the_sample_site_carries_every_published_case_in_its_data_and_feeds(sample_site: Path) -> None:
    site_url = SiteSettings.from_config_file(REPO / "mkdocs.yml").site_url
    cases = published_cases()  # url → front matter, read straight from content/
    document = read_json(sample_site)
    assert document["count"] == len(cases)
    assert {record["url"] for record in document["cases"]} == {site_url + url for url in cases}
    assert {row["url"] for row in read_csv(sample_site)} == {site_url + url for url in cases}
    assert len(feed_entries(sample_site, "feeds/cases.xml")) == min(50, len(cases))
    for path in (REPO / "content/districts").glob("*.md"):
        in_district = [url for url, meta in cases.items() if path.stem in district_keys(meta)]
        expected = {site_url + url for url in in_district}
        entries = feed_entries(sample_site, f"feeds/districts/{path.stem}.xml")
        assert len(entries) == min(50, len(expected)) and set(entries) <= expected, path.stem
