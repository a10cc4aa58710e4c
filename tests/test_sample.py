"""The sample publication in `content/`: it builds strictly and its pages agree with its files.

Expectations are computed here straight from the files with PyYAML, not with
the plugin's own loader, so a bug in the loader cannot hide itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO

CONTENT = REPO / "content"


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8-sig")
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def published_cases() -> dict[str, dict]:
    cases = {}
    for path in sorted((CONTENT / "cases").rglob("*.md")):
        meta = front_matter(path)
        if not meta.get("draft"):
            cases[path.relative_to(CONTENT).with_suffix("").as_posix().lower() + "/"] = meta
    return cases


def district_keys(meta: dict) -> list[str]:
    value = meta["district"]
    return value if isinstance(value, list) else [value]


def shown_figure(html: str, label: str) -> str | None:
    """The first tile with this label (the site's own sums come first), or None when there is none."""
    match = re.search(r"<dt>" + re.escape(label) + r"</dt><dd>([^<]*)</dd>", html)
    return match.group(1) if match else None


def stated_sum(cases: list[dict], field: str) -> str | None:
    """The sum of the cases that state the field; None (no tile) when none does."""
    values = [meta[field] for meta in cases if meta.get(field) is not None]
    return f"{sum(values):,}" if values else None


def sub_brand_count() -> int:
    """The contract's rule, from the files: districts with a sub_brand (partners excluded), plus brands' sub_brands."""
    count = 0
    for path in (CONTENT / "districts").glob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        count += bool(meta.get("sub_brand")) and not meta.get("partner")
    for path in (CONTENT / "brands").glob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        count += len(meta.get("sub_brands") or [])
    return count


def test_sample_has_brands_districts_and_cases() -> None:
    assert len(list((CONTENT / "brands").glob("*.md"))) >= 5
    assert len(list((CONTENT / "districts").glob("*.md"))) >= 5
    assert len(published_cases()) >= 15


def test_home_figures_equal_independent_sums(sample_site: Path) -> None:
    html = (sample_site / "index.html").read_text(encoding="utf-8")
    cases = list(published_cases().values())
    assert shown_figure(html, "案例") == str(len(cases))
    assert shown_figure(html, "子品牌") == (str(sub_brand_count()) if sub_brand_count() else None)
    assert shown_figure(html, "参与委员（人次）") == stated_sum(cases, "members")
    assert shown_figure(html, "参与人数（人次）") == stated_sum(cases, "participants")
    assert shown_figure(html, "解决问题") == stated_sum(cases, "problems_solved")
    bulletins = {report for meta in cases for report in meta.get("reports", [])}
    assert shown_figure(html, "协商专报（期）") == (str(len(bulletins)) if bulletins else None)


def test_every_case_is_at_its_url_and_in_each_of_its_district_indexes(sample_site: Path) -> None:
    for url, meta in published_cases().items():
        assert (sample_site / url / "index.html").is_file(), url
        for key in district_keys(meta):
            district_html = (sample_site / "districts" / key / "index.html").read_text(encoding="utf-8")
            assert f'href="../../{url}"' in district_html, f"{url} missing from districts/{key}/"


def test_brand_pages_count_their_cases(sample_site: Path) -> None:
    district_brand = {path.stem: front_matter(path)["brand"] for path in (CONTENT / "districts").glob("*.md")}
    for brand_path in (CONTENT / "brands").glob("*.md"):
        key = brand_path.stem
        expected = sum(
            1 for meta in published_cases().values()
            if meta.get("brand", district_brand[district_keys(meta)[0]]) == key
        )
        html = (sample_site / "brands" / key / "index.html").read_text(encoding="utf-8")
        assert shown_figure(html, "案例") == str(expected), key


def test_highlight_pages_exist_for_each_commendation_year(sample_site: Path) -> None:
    years = set()
    for meta in published_cases().values():
        highlight = meta.get("highlight")
        if highlight is True:
            years.add(int(str(meta["date"])[:4]))
        elif isinstance(highlight, int) and not isinstance(highlight, bool):
            years.add(highlight)
    assert years, "the sample has commended cases"
    for year in years:
        assert (sample_site / "highlights" / str(year) / "index.html").is_file()


@pytest.mark.parametrize("url", ["about/editor-guide/", "topics/", "brands/", "districts/", "highlights/"])
def test_sample_pages_exist(sample_site: Path, url: str) -> None:
    assert (sample_site / url / "index.html").is_file()


def test_not_found_page_is_in_chinese_with_ways_back(sample_site: Path) -> None:
    html = (sample_site / "404.html").read_text(encoding="utf-8")
    assert "<h1>没有找到这个页面</h1>" in html
    assert "回到首页" in html and "Not found" not in html
