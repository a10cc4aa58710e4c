"""One rule for each URL of the site (`shangliang.urls`), and the model follows it."""

from __future__ import annotations

import pytest
from contract_tree import case, tree

from shangliang import urls


@pytest.mark.parametrize(
    ("src_uri", "url"),
    [
        ("index.md", ""),
        ("about/index.md", "about/"),
        ("about/README.md", "about/"),
        ("cases/2024/X-Lamp.md", "cases/2024/x-lamp/"),
        ("brands/rong.md", "brands/rong/"),
        ("about/rong.md", "about/rong/"),
        ("Top.md", "top/"),
    ],
)
def test_a_page_is_at_its_files_path_lowercased(src_uri, url):
    assert urls.page_url(src_uri) == url


def test_generated_listings_have_fixed_places():
    assert urls.highlights_url(2024) == "highlights/2024/"
    assert urls.HIGHLIGHTS_INDEX_URL == "highlights/"
    assert urls.roundup_url(2023) == "roundups/2023/"
    assert urls.page_url(urls.BRANDS_INDEX_SRC) == "brands/"
    assert urls.page_url(urls.DISTRICTS_INDEX_SRC) == "districts/"


def test_a_long_district_index_continues_under_the_districts_own_url():
    assert urls.district_year_src("committees/minhou/", 2023, 1) == "committees/minhou/2023.md"
    assert urls.district_year_src("districts/minhou/", 2023, 2) == "districts/minhou/2023/2.md"
    assert urls.page_url(urls.district_year_src("districts/minhou/", 2023, 2)) == "districts/minhou/2023/2/"


def test_feeds_and_data_files():
    assert urls.SITE_FEED == "feeds/cases.xml"
    assert urls.district_feed("minhou") == "feeds/districts/minhou.xml"
    assert (urls.CASES_JSON, urls.CASES_CSV, urls.CASES_SCHEMA) == (
        "data/cases.json", "data/cases.csv", "data/cases.schema.json"
    )


def test_absolute_urls_are_under_the_site_url_and_percent_encoded():
    assert urls.absolute("https://x.org/site", "cases/2024/路灯/") == (
        "https://x.org/site/cases/2024/%E8%B7%AF%E7%81%AF/"
    )
    assert urls.absolute("", 'cases/"x"/') == "cases/%22x%22/"


def test_brand_district_and_case_urls_come_from_their_files_wherever_they_are():
    result = tree(
        {
            "about/rong.md": {"kind": "brand", "name": "榕你来商量", "organisation": "福州市政协"},
            "committees/minhou.md": {"kind": "district", "name": "闽侯县", "brand": "rong"},
            "stories/lamp.md": {"kind": "case", **case(district="minhou")},
        },
        base=False,
    )
    assert not result.errors, [str(p) for p in result.problems]
    catalogue = result.catalogue
    assert catalogue.brands["rong"].url == "about/rong/"
    assert catalogue.districts["minhou"].url == "committees/minhou/"
    assert [c.url for c in catalogue.cases] == ["stories/lamp/"]
