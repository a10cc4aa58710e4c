"""A district with many cases lists them over year pages; every case stays listed exactly once.

Real `mkdocs build` of a generated tree: one big district (over the page size,
which the test sets low through the `district_page_size` option), one small
district (unchanged: one page), joint cases between them, and a draft.
"""

from __future__ import annotations

import datetime as dt
import gzip
import posixpath
import random
import re
from pathlib import Path

import pytest
from sites import BRAND_RONG, DISTRICT_GULOU, DISTRICT_MINHOU, Site, case, make_site, page

from shangliang.pages.district_index import DISTRICT_PAGE_SIZE
from shangliang.pages.grouping import by_year, paged_by_year

PAGE_SIZE = 40
BIG_DISTRICT_YEARS = {2022: 35, 2023: 95, 2024: 130}  # 2022 fits one page; 2023 takes 3, 2024 takes 4
SMALL_DISTRICT_CASES = 12
JOINT_CASES = 6  # minhou and gulou together: listed in both
MAX_PAGE_GZ = 100 * 1000



def _text(rng: random.Random, length: int) -> str:
    """Chinese characters drawn at random: less compressible than real prose, so weights err high."""
    return "".join(chr(0x4E00 + rng.randrange(0x5000)) for _ in range(length))


def _tree() -> tuple[dict[str, str], dict[str, list[str]]]:
    """The files, and the published case URLs expected in each district (newest first)."""
    rng = random.Random(20250101)
    files = {
        "brands/rong.md": page(BRAND_RONG),
        "districts/minhou.md": page(DISTRICT_MINHOU, "闽侯县政协的子品牌。"),
        "districts/gulou.md": page(DISTRICT_GULOU, "鼓楼区政协的子品牌。"),
    }
    dated: dict[str, list[tuple[dt.date, str]]] = {"minhou": [], "gulou": []}

    def add(name: str, date: dt.date, district: str | list[str], **fields: object) -> None:
        files[f"cases/{date.year}/{name}.md"] = page(
            case(_text(rng, rng.randrange(12, 24)), date.isoformat(), district, summary=_text(rng, 110), **fields),
            "正文。",
        )
        if not fields.get("draft"):
            for key in [district] if isinstance(district, str) else district:
                dated[key].append((date, f"cases/{date.year}/{name}/"))

    for year, count in BIG_DISTRICT_YEARS.items():
        for number in range(count - (JOINT_CASES // 3)):
            add(f"m{year}-{number:03d}", dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365)), "minhou")
        for number in range(JOINT_CASES // 3):
            add(f"j{year}-{number}", dt.date(year, 6, 1 + number), ["minhou", "gulou"])
    for number in range(SMALL_DISTRICT_CASES):
        add(f"g{number:02d}", dt.date(2022 + number % 3, 3, 1 + number), "gulou")
    add("draft", dt.date(2024, 12, 31), "minhou", draft=True)
    # Newest first; on the same day the file name decides (as the site orders them).
    expected = {key: [url for _, url in sorted(rows, key=lambda row: (-row[0].toordinal(), row[1]))]
                for key, rows in dated.items()}  # fmt: skip
    return files, expected


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, dict[str, list[str]]]:
    files, expected = _tree()
    site = make_site(tmp_path_factory.mktemp("big-district"), files)
    config = site.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "search: false", f"search: false\n      district_page_size: {PAGE_SIZE}"
        ),
        encoding="utf-8",
    )
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    return site, expected


def case_links(html: str) -> list[str]:
    """Case URLs in the page's generated lists, in order, resolved against the site root."""
    return re.findall(r'class="sl-case__title" href="(?:\.\./)*([^"]+)"', html)


def year_links(html: str) -> list[tuple[str, str]]:
    """(href, text) of each link in the list of years of a split index."""
    block = re.search(r'<ul class="sl-years sl-index-years">(.*?)</ul>', html, re.S)
    assert block, "no list of years"
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', block.group(1))


def index_pages(site: Site, key: str) -> list[str]:
    """URLs of a district's index pages in reading order: the district page, then its year list's links."""
    first = f"districts/{key}/"
    pages = [first]
    for href, _ in year_links(site.html(first)):
        url = str((Path("/" + first) / href.split("#")[0]).resolve())[1:] + "/"
        if url != first and url not in pages:
            pages.append(url)
    return pages


def gz_size(site: Site, url: str) -> int:
    return len(gzip.compress((site.site_dir / url / "index.html").read_bytes(), 9))


# -- the pure splitting ------------------------------------------------------


def test_pages_cut_each_year_into_parts_of_at_most_the_page_size(built):
    from shangliang.content.tree import SiteSettings, load_tree  # reads the tree as the build does

    site, _ = built
    settings = SiteSettings.from_config_file(site.root / "mkdocs.yml")
    cases = [case for case in load_tree(settings).catalogue.cases if "minhou" in case.district_keys]
    pages = paged_by_year(cases, PAGE_SIZE)
    assert [(p.year, p.part, p.parts) for p in pages] == [
        (2024, 1, 4), (2024, 2, 4), (2024, 3, 4), (2024, 4, 4),
        (2023, 1, 3), (2023, 2, 3), (2023, 3, 3), (2022, 1, 1),
    ]  # fmt: skip
    assert [len(p.cases) for p in pages] == [33, 33, 32, 32, 32, 32, 31, 35]  # a year's pages of even lengths
    assert [case for p in pages for case in p.cases] == [case for g in by_year(cases) for case in g.cases]
    with pytest.raises(ValueError):
        paged_by_year(cases, 0)


# -- the built pages ---------------------------------------------------------


def test_every_case_of_a_big_district_is_listed_exactly_once_newest_first(built):
    site, expected = built
    pages = index_pages(site, "minhou")
    assert len(pages) == 8  # the district page (2024, first part) and 7 year pages
    listed = [url for url in pages for url in case_links(site.html(url))]
    assert listed == expected["minhou"]
    assert "cases/2024/draft/" not in listed


def test_every_page_of_the_index_is_linked_and_none_is_orphaned(built):
    site, _ = built
    on_disk = sorted(
        path.parent.relative_to(site.site_dir).as_posix() + "/"
        for path in (site.site_dir / "districts" / "minhou").rglob("index.html")
    )
    assert on_disk == sorted(index_pages(site, "minhou"))
    assert "districts/minhou/2024/" not in on_disk  # 2024's first part is on the district page
    assert {"districts/minhou/2023/", "districts/minhou/2023/3/", "districts/minhou/2024/2/"} <= set(on_disk)


def test_the_district_page_keeps_the_figures_the_years_with_counts_and_the_newest_cases(built):
    site, expected = built
    html = site.html("districts/minhou/")
    assert re.search(r"<dt>案例</dt><dd>260</dd>", html)  # the figures count every case, not the page's
    links = year_links(html)
    assert [text for _, text in links if text.endswith("年")] == ["2024年", "2023年", "2022年"]
    assert links[0][0] == "./#2024"
    counts = re.findall(r'年</a> <span class="sl-count">(\d+) 个</span>', html)
    assert counts == [str(n) for n in BIG_DISTRICT_YEARS.values()][::-1]
    assert case_links(html) == expected["minhou"][:33]  # 2024's first page of four
    assert "本页列出2024年第1页的案例" in html
    assert '<a href="2024/2/" rel="next">较早：2024年第2页</a>' in html
    assert "data-pagefind-body" in html


def test_a_year_page_lists_its_cases_links_back_and_marks_itself(built):
    site, _ = built
    html = site.html("districts/minhou/2023/2/")
    assert "<h1>闽侯县2023年案例（第2页，共3页）</h1>" in html
    assert 'href="../../"' in html  # back to the district page
    assert re.search(r'<a href="\./" aria-current="page" aria-label="2023年第2页">第2页</a>', html)
    assert len(case_links(html)) == 32
    assert '<a href="../" rel="prev">较新：2023年第1页</a>' in html
    assert '<a href="../3/" rel="next">较早：2023年第3页</a>' in html
    assert all(url.startswith("cases/2023/") for url in case_links(html))
    assert "data-pagefind-body" not in html  # not a search result of its own: the district page is


def test_the_table_of_contents_lists_the_generated_headings(built):
    site, _ = built
    def toc(url: str) -> list[str]:
        secondary = site.html(url).rsplit('<nav class="md-nav md-nav--secondary"', 1)[1].split("</nav>")[0]
        return re.findall(r'<a href="#([^"]+)" class="md-nav__link">', secondary)

    toc = {url: toc(url) for url in ("districts/minhou/", "districts/minhou/2022/", "districts/gulou/")}
    assert toc["districts/minhou/"] == ["figures", "cases", "2024"]
    assert toc["districts/minhou/2022/"] == ["years", "cases"]
    assert toc["districts/gulou/"] == ["figures", "cases", "2024", "2023", "2022"]
    for url, anchors in toc.items():
        for anchor in anchors:
            assert f'id="{anchor}"' in site.html(url), (url, anchor)


def test_the_pager_walks_the_whole_index_from_the_district_page(built):
    site, expected = built
    url, seen, listed = "districts/minhou/", [], []
    while url not in seen:
        seen.append(url)
        html = site.html(url)
        listed += case_links(html)
        older = re.search(r'<a href="([^"]+)" rel="next">', html)
        if not older:
            break
        url = posixpath.normpath(posixpath.join(url, older.group(1))) + "/"
    assert seen == index_pages(site, "minhou")
    assert listed == expected["minhou"]
    last = site.html(seen[-1])
    assert '<a href="../2023/3/" rel="prev">较新：2023年第3页</a>' in last  # 2022, after 2023's last page


def test_a_small_district_is_one_page_as_before(built):
    site, expected = built
    html = site.html("districts/gulou/")
    assert case_links(html) == expected["gulou"]
    assert "sl-index-years" not in html
    assert [p.name for p in (site.site_dir / "districts" / "gulou").iterdir()] == ["index.html"]


def test_year_pages_stay_out_of_the_navigation(built):
    site, _ = built

    def nav_targets(url: str) -> set[str]:
        nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', site.html(url), re.S)
        assert nav, url
        hrefs = re.findall(r'href="([^"#]*)"', nav.group(0))
        return {posixpath.normpath(posixpath.join(url, href)) for href in hrefs}

    expected = {".", "brands", "brands/rong", "cases", "districts", "districts/gulou", "districts/minhou", "highlights"}
    for url in ("", "districts/minhou/", "districts/minhou/2023/", "districts/minhou/2024/3/"):
        assert nav_targets(url) == expected, url


def test_index_pages_stay_under_100_kb_gzipped_even_at_the_default_page_size(built):
    site, _ = built
    sizes = {url: gz_size(site, url) for url in index_pages(site, "minhou")}
    assert max(sizes.values()) < MAX_PAGE_GZ, sizes
    # What one more listed case costs, from two year pages of different lengths: a full page
    # at the default size must fit too (with room for long titles and the site's frame).
    full, short = "districts/minhou/2022/", "districts/minhou/2023/3/"
    counts = {url: len(case_links(site.html(url))) for url in (full, short)}
    per_case = (sizes[full] - sizes[short]) / (counts[full] - counts[short])
    projected = sizes[short] + per_case * (DISTRICT_PAGE_SIZE - counts[short])
    assert projected < 0.9 * MAX_PAGE_GZ, f"{per_case:.0f} B per case → {projected:.0f} B at {DISTRICT_PAGE_SIZE}"


def test_a_page_size_below_one_is_refused_in_one_line(tmp_path: Path):
    site = make_site(tmp_path, {"brands/rong.md": page(BRAND_RONG), "districts/minhou.md": page(DISTRICT_MINHOU)})
    config = site.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("search: false", "search: false\n      district_page_size: 0"),
        encoding="utf-8",
    )
    result = site.build()
    assert result.returncode == 1
    assert "option 'district_page_size': must be a whole number of at least 1 (got 0)" in result.stderr
    assert "Traceback" not in result.stderr
