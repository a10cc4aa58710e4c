"""Every internal link of a built site leads to a page or file of it (`link_check.py`).

Three parts: the checker itself on tiny hand-written sites (so it is known to fail
when it should), the sample publication, and a real build of a tree whose brand,
district and case sit outside their usual folders with an explicit `kind:`. The
editors' contract says of such a file: "its URL still comes from its path, and
every link to it uses that URL".
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO
from link_check import BrokenLink, broken_links, linked_paths, references, report
from sites import BRAND_RONG, DISTRICT_MINHOU, Site, case, make_site, page


def site_url_of(config_file: Path) -> str | None:
    """`site_url` of an mkdocs.yml (read as text: the file holds `!!python` tags)."""
    match = re.search(r"^site_url:\s*(\S+)\s*$", config_file.read_text(encoding="utf-8"), re.M)
    return match.group(1).strip("'\"") if match else None


# -- the checker ---------------------------------------------------------------------------


def write(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def html(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def tiny_site(root: Path) -> Path:
    """A hand-written built site: every reference in it resolves."""
    return write(root, {
        "index.html": html(
            '<a href="about/">关于</a> <a href="cases/2024/%E8%B7%AF%E7%81%AF/">路灯</a>'
            ' <a href="cases/2024/路灯/#过程">过程</a> <a href="#top">顶部</a> <a href="#nowhere">自己</a>'
            ' <a href="">本页</a> <a href="about/?q=1#team">团队</a> <a href="/about/">绝对路径</a>'
            ' <a href="http://127.0.0.1/about/">本站绝对地址</a>'
            ' <a href="https://example.org/missing/">外站</a> <a href="//cdn.example.org/x.js">外站</a>'
            ' <a href="mailto:a@example.org">信</a> <a href="tel:123">电话</a>'
            ' <img src="assets/a.png" srcset="assets/a.png 1x, assets/a%402x.png 2x" alt="">'
            ' <img src="data:image/png;base64,AAAA" alt="">'
            ' <picture><source srcset="assets/a.png"><img src="assets/a.png" alt=""></picture>',
            head='<link rel="stylesheet" href="assets/site.css"><script src="assets/site.js"></script>'
                 '<link rel="canonical" href="http://127.0.0.1/">',
        ),
        "about/index.html": html('<h2 id="team">团队</h2><a href="../">首页</a> <a href="../404.html">404</a>'),
        "cases/2024/路灯/index.html": html('<h2 id="过程">过程</h2><a href="../../../about/#team">团队</a>'),
        "404.html": html('<a href="/">首页</a>'),
        "assets/a.png": "",
        "assets/a@2x.png": "",
        "assets/site.css": "",
        "assets/site.js": "",
    })


def test_the_checker_finds_nothing_wrong_in_a_site_whose_references_all_resolve(tmp_path: Path) -> None:
    site = tiny_site(tmp_path)
    assert broken_links(site, "http://127.0.0.1/") == []
    assert broken_links(site) == []  # without site_url, absolute links count as external


def test_the_checker_resolves_directory_urls_and_percent_encoding(tmp_path: Path) -> None:
    site = tiny_site(tmp_path)
    paths = {(ref.page, ref.path) for ref in references(site, "http://127.0.0.1/")}
    assert ("/", "/cases/2024/路灯/") in paths
    assert ("/cases/2024/路灯/", "/about/") in paths
    assert ("/about/", "/404.html") in paths
    assert ("/", "/assets/a@2x.png") in paths  # from srcset
    assert not any(path and "example.org" in path for _, path in paths)


def test_the_checker_reports_every_kind_of_broken_reference(tmp_path: Path) -> None:
    site = tiny_site(tmp_path)
    write(site, {
        "bad/index.html": html(
            '<a href="../gone/">不存在的页</a>'
            ' <a href="../assets/">没有 index.html 的文件夹</a>'
            ' <a href="../about/#nobody">不存在的锚点</a>'
            ' <a href="../cases/2024/%E8%B7%AF%E7%81%AF/#%E7%BB%93%E6%9E%9C">不存在的中文锚点</a>'
            ' <a href="../About/">大小写不同</a>'
            ' <a href="javascript:alert(1)">脚本</a>'
            ' <a href="http://127.0.0.1/gone.html">本站绝对地址</a>'
            ' <img src="../assets/b.png" srcset="../assets/a.png 1x, ../assets/b@2x.png 2x" alt="">'
            ' <script src="../assets/gone.js"></script> <link rel="stylesheet" href="../assets/gone.css">'
            ' <a href="https://example.org/gone/">外站不查</a>',
        ),
    })
    broken = broken_links(site, "http://127.0.0.1/")
    assert {(link.page, link.reference) for link in broken} == {
        ("/bad/", "../gone/"),
        ("/bad/", "../assets/"),
        ("/bad/", "../about/#nobody"),
        ("/bad/", "../cases/2024/%E8%B7%AF%E7%81%AF/#%E7%BB%93%E6%9E%9C"),
        ("/bad/", "../About/"),
        ("/bad/", "javascript:alert(1)"),
        ("/bad/", "http://127.0.0.1/gone.html"),
        ("/bad/", "../assets/b.png"),
        ("/bad/", "../assets/b@2x.png"),
        ("/bad/", "../assets/gone.js"),
        ("/bad/", "../assets/gone.css"),
    }, report(broken)
    why = {link.reference: link.why for link in broken}
    assert why["../gone/"] == "no page at /gone/ (no gone/index.html)"
    assert why["../assets/"] == "no page at /assets/ (no assets/index.html)"
    assert why["../about/#nobody"] == "no id 'nobody' in about/index.html"
    assert why["../cases/2024/%E8%B7%AF%E7%81%AF/#%E7%BB%93%E6%9E%9C"] == "no id '结果' in cases/2024/路灯/index.html"
    assert why["javascript:alert(1)"] == "a javascript: URL"
    assert why["../assets/gone.js"] == "no file at /assets/gone.js"


def test_same_page_fragments_are_checked_only_when_asked(tmp_path: Path) -> None:
    site = tiny_site(tmp_path)
    expected = [BrokenLink("/", "#nowhere", "no id 'nowhere' in index.html")]
    assert broken_links(site, same_page_fragments=True) == expected


def test_a_site_under_a_sub_path_keeps_its_links_under_it(tmp_path: Path) -> None:
    site = write(tmp_path, {
        "index.html": html(
            '<a href="/sl/about/">关于</a> <a href="about/">关于</a> <a href="https://example.org/sl/about/">关于</a>'
            ' <a href="/about/">站外路径</a> <a href="https://example.org/other/">同一主机的另一个站</a>',
        ),
        "about/index.html": html('<a href="../../elsewhere/">站外路径</a>'),
    })
    broken = broken_links(site, "https://example.org/sl/")
    assert {(link.page, link.reference, link.why) for link in broken} == {
        ("/sl/", "/about/", "/about/ is outside the site (/sl/)"),
        ("/sl/about/", "../../elsewhere/", "/elsewhere/ is outside the site (/sl/)"),
    }, report(broken)


def test_the_checker_reports_the_links_to_a_page_deleted_from_a_built_site(
    sample_site: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(sample_site, copy)
    site_url = site_url_of(REPO / "mkdocs.yml")
    assert broken_links(copy, site_url) == []
    case_page = next(path for path in sorted((copy / "cases").rglob("index.html")))
    url = "/" + case_page.parent.relative_to(copy).as_posix() + "/"
    shutil.rmtree(case_page.parent)
    broken = broken_links(copy, site_url)
    assert broken, f"deleting {url} broke no link"
    assert {link.why for link in broken} == {f"no page at {url} (no {url.lstrip('/')}index.html)"}, report(broken)
    pages = {link.page for link in broken}
    assert "/" in pages or any(page.startswith("/districts/") for page in pages)


# -- the sample publication ------------------------------------------------------------------


def test_every_internal_link_of_the_sample_publication_resolves(sample_site: Path) -> None:
    site_url = site_url_of(REPO / "mkdocs.yml")
    assert sum(1 for ref in references(sample_site, site_url) if ref.path) > 1000  # it did read the site
    broken = broken_links(sample_site, site_url)
    assert not broken, report(broken)


def test_every_same_page_anchor_of_the_sample_publication_exists(sample_site: Path) -> None:
    broken = broken_links(sample_site, site_url_of(REPO / "mkdocs.yml"), same_page_fragments=True)
    assert not broken, report(broken)


# -- pages outside their usual folders, with an explicit `kind:` -----------------------------

BRAND_URL = "about/rong/"
DISTRICT_URL = "committees/minhou/"
CASE_URL = "stories/lamp/"
ORDINARY_CASE_URL = "cases/2024/dianshang/"
KEY_URLS = ("brands/rong/", "districts/minhou/")
"""Where the brand and the district would be if their URL came from their key."""


def moved_tree() -> dict[str, str | bytes]:
    return {
        "about/rong.md": page({"kind": "brand", **BRAND_RONG}, "榕你来商量是福州市政协的协商品牌。"),
        "committees/minhou.md": page({"kind": "district", **DISTRICT_MINHOU}, "闽侯县政协的子品牌。"),
        "stories/lamp.md": page(
            {"kind": "case", **case("点亮乡村路灯", "2024-06-18", "minhou", brand="rong", highlight=2024)},
            "委员和村民商量路灯的安装位置。\n\n## 过程\n\n正文。",
        ),
        "cases/2024/dianshang.md": page(
            case("推进县域电商直播基地建设", "2024-05-02", "minhou", highlight=2024, tags=["电商"]),
            "委员与商务部门一起商量直播基地的选址。",
        ),
        "cases/2023/zaoqi.md": page(case("早期案例", "2023-01-05", "minhou"), "早期。"),
    }


VARIANTS: dict[str, dict[str, object]] = {
    "one-page-district": {},
    # The district index split into year pages (under the district's URL), the site under a sub-path.
    "year-pages-sub-path": {"district_page_size": 1, "site_url": "https://example.org/sl/"},
}


@dataclass(frozen=True)
class Moved:
    site: Site
    site_url: str
    year_pages: bool
    """Whether the district index is split into year pages."""

    @property
    def root(self) -> str:
        """The site's path on its host (`/`, `/sl/`)."""
        return "/" + self.site_url.split("://", 1)[1].partition("/")[2]


@pytest.fixture(scope="module", params=list(VARIANTS))
def moved(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Moved:
    options = VARIANTS[request.param]
    site = make_site(tmp_path_factory.mktemp(request.param), moved_tree())
    config = site.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "district_page_size" in options:
        size = options["district_page_size"]
        text = text.replace("search: false", f"search: false\n      district_page_size: {size}")
    if "site_url" in options:
        text = text.replace("site_url: http://127.0.0.1/", f"site_url: {options['site_url']}")
    config.write_text(text, encoding="utf-8")
    result = site.build("--strict")
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    site_url = site_url_of(config)
    assert site_url
    return Moved(site, site_url, "district_page_size" in options)


def links(moved: Moved, url: str) -> set[str]:
    """Site URLs (no leading slash) the content of the page at `url` links to."""
    found = linked_paths(moved.site.site_dir, moved.root + url, moved.site_url)
    return {path.removeprefix(moved.root) for path in found}


def test_the_moved_pages_are_built_at_the_urls_of_their_files(moved: Moved) -> None:
    site = moved.site
    for url in (BRAND_URL, DISTRICT_URL, CASE_URL, ORDINARY_CASE_URL):
        assert (site.site_dir / url / "index.html").is_file(), url
    assert "榕你来商量是福州市政协的协商品牌" in site.html(BRAND_URL)
    assert 'class="sl-figures"' in site.html(BRAND_URL)  # a brand page, not an ordinary one
    assert "闽侯县政协的子品牌" in site.html(DISTRICT_URL)
    assert 'class="sl-figures"' in site.html(DISTRICT_URL)
    assert "2024年6月18日" in site.html(CASE_URL)  # the case's metadata panel
    for url in KEY_URLS:
        assert not (site.site_dir / url).exists(), f"a page was built at {url}"
    assert not (site.site_dir / "cases/2024/lamp").exists()


@pytest.mark.parametrize(
    ("page_url", "expected"),
    [
        ("", {BRAND_URL, DISTRICT_URL, CASE_URL, ORDINARY_CASE_URL}),
        ("brands/", {BRAND_URL, DISTRICT_URL}),
        ("districts/", {BRAND_URL, DISTRICT_URL}),
        ("highlights/", {"highlights/2024/"}),
        ("highlights/2024/", {CASE_URL, ORDINARY_CASE_URL}),
        (BRAND_URL, {DISTRICT_URL, CASE_URL, "highlights/2024/"}),
        (DISTRICT_URL, {BRAND_URL, CASE_URL}),
        (CASE_URL, {BRAND_URL, DISTRICT_URL, ORDINARY_CASE_URL, "highlights/2024/"}),
        (ORDINARY_CASE_URL, {BRAND_URL, DISTRICT_URL, CASE_URL, "highlights/2024/"}),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_generated_pages_link_to_the_moved_pages_at_their_urls(
    moved: Moved, page_url: str, expected: set[str]
) -> None:
    found = links(moved, page_url)
    assert expected <= found, f"/{page_url} does not link to {sorted(expected - found)}; it links to {sorted(found)}"
    assert not {url for url in found if url.startswith(KEY_URLS)}


def test_the_district_year_pages_are_under_the_moved_district_and_link_back(moved: Moved) -> None:
    site = moved.site
    year_pages = sorted(path.parent for path in (site.site_dir / DISTRICT_URL).rglob("*/index.html"))
    if not moved.year_pages:
        assert year_pages == []
        return
    assert [folder.relative_to(site.site_dir).as_posix() + "/" for folder in year_pages] == [
        f"{DISTRICT_URL}2023/", f"{DISTRICT_URL}2024/2/",
    ]
    assert {f"{DISTRICT_URL}2023/", f"{DISTRICT_URL}2024/2/"} <= links(moved, DISTRICT_URL)
    assert not (site.site_dir / "districts/minhou").exists()
    for folder in year_pages:
        url = folder.relative_to(site.site_dir).as_posix() + "/"
        assert {BRAND_URL, DISTRICT_URL} <= links(moved, url), url


def test_every_internal_link_of_the_moved_site_resolves(moved: Moved) -> None:
    broken = broken_links(moved.site.site_dir, moved.site_url, same_page_fragments=True)
    assert not broken, report(broken)


def test_no_page_feed_or_export_links_to_a_url_made_from_a_key(moved: Moved) -> None:
    site, site_url = moved.site, moved.site_url
    forbidden = tuple(moved.root + url for url in KEY_URLS)
    to_key_urls = [
        (ref.page, ref.raw) for ref in references(site.site_dir, site_url)
        if ref.path and (ref.path + "/").startswith(forbidden)
    ]
    assert not to_key_urls
    # Feeds, sitemap and open data carry absolute URLs of the site.
    absolute = re.compile(re.escape(site_url) + r"[^\s\"'<>,|]*")
    for path in sorted(site.site_dir.rglob("*")):
        if path.suffix in {".xml", ".json", ".csv", ".txt"}:
            for url in absolute.findall(path.read_text(encoding="utf-8", errors="replace")):
                relative = url.removeprefix(site_url)
                assert not relative.startswith(KEY_URLS), f"{path.relative_to(site.site_dir)} links {url}"
