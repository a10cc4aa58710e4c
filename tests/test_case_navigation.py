"""Every case page shows the whole navigation, its links right for the page's own folder.

Case pages are outside the navigation, so the plugin renders their navigation once per
folder depth and reuses it (overrides/partials/nav.html); this checks what readers get.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from sites import Site, case, fuzhou_tree, make_site, page


def navigation(site: Site, url: str) -> list[tuple[str, str]]:
    """(title, site path the link resolves to) of each entry of a page's navigation."""
    html = site.html(url)
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):html.index("md-sidebar--secondary")]
    link = r'<a href="([^"]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>'
    entries = re.findall(link, nav, re.S)
    return [(title, urljoin(f"/{url}", href)) for href, title in entries]


def test_case_pages_at_any_depth_show_the_navigation_of_the_other_pages(tmp_path: Path) -> None:
    files = fuzhou_tree()
    files["cases/2024/sub/shenchu.md"] = page(case("更深一层的案例", "2024-05-05", "gulou"), "正文。")
    files["about/index.md"] = page({"title": "关于本站"}, "关于。")
    site = make_site(tmp_path, files)
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr

    reference = navigation(site, "about/")  # an ordinary page: MkDocs and Material render its navigation
    titles = [title for title, _ in reference]
    assert {"榕你来商量", "闽侯县", "鼓楼区"} <= set(titles)
    for url, title in (("about/", "关于本站"), ("districts/minhou/", "闽侯县")):
        active = re.search(r'class="md-nav__link md-nav__link--active"[^>]*>\s*<span class="md-ellipsis">\s*(.*?)\s*<',
                           site.html(url), re.S)
        assert active and active.group(1) == title, f"a page in the navigation is marked there: {url}"
    for url in ("cases/2024/dianshang/", "cases/2023/lianhe/", "cases/2024/sub/shenchu/"):
        entries = navigation(site, url)
        assert entries == reference, url
        for _, path in entries:
            target = site.site_dir / path.lstrip("/") / "index.html"
            assert target.is_file(), f"{url}: a navigation link goes nowhere ({path})"
