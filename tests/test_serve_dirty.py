"""`mkdocs serve --dirty`: an edit renders only a few pages, and every list stays complete.

A real preview over a small site: brand rong with districts minhou (cases m1 … m4,
newest first; m1 commended in 2024) and gulou (g1, g2); rongchang (brand yu) with r1;
cases carry topics and a topics page lists them. Each test edits the content the way an
editor does, waits for the preview to show the edit, then checks every page that shows
the edited case, and that nothing else was dropped.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from sites import BRAND_RONG, DISTRICT_GULOU, DISTRICT_MINHOU, Site, case, make_site, page

from shangliang.local_site import free_port

CASES = {
    "cases/2024/m1.md": case("闽侯一号案例", "2024-04-01", "minhou", tags=["电商"], highlight=2024),
    "cases/2024/m2.md": case("闽侯二号案例", "2024-03-01", "minhou", tags=["养老"]),
    "cases/2024/m3.md": case("闽侯三号案例", "2024-02-01", "minhou", tags=["电商"]),
    "cases/2023/m4.md": case("闽侯四号案例", "2023-12-01", "minhou", tags=["养老"]),
    "cases/2024/g1.md": case("鼓楼一号案例", "2024-02-15", "gulou", tags=["停车"]),
    "cases/2023/g2.md": case("鼓楼二号案例", "2023-12-15", "gulou"),
    "cases/2024/r1.md": case("荣昌一号案例", "2024-05-01", "rongchang", brand="yu", tags=["停车"]),
}
DISTRICT_CASES = {
    "minhou": ["m1", "m2", "m3", "m4"],
    "gulou": ["g1", "g2"],
    "rongchang": ["r1"],
}
TAGGED = {"m1", "m2", "m3", "m4", "g1", "r1"}


def tree() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "brands/rong.md": page(BRAND_RONG, "榕你来商量。"),
        "brands/yu.md": page({"name": "渝事好商量", "organisation": "重庆市政协"}, "渝事好商量。"),
        "districts/minhou.md": page(DISTRICT_MINHOU, "闽侯。"),
        "districts/gulou.md": page(DISTRICT_GULOU, "鼓楼。"),
        "districts/rongchang.md": page({"name": "荣昌区", "brand": "yu"}, "荣昌。"),
        "topics.md": page({"title": "话题"}, "<!-- material/tags -->"),
    }
    for src_uri, meta in CASES.items():
        files[src_uri] = page(meta, body(src_uri))
    return files


def body(src_uri: str) -> str:
    return f"案例 {src_uri} 的正文。"


class Preview:
    """A running `mkdocs serve --dirty` over `site`."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.port = free_port()
        self.log = site.root / "serve.log"
        self._log_file = self.log.open("w", encoding="utf-8")
        self.temp = site.root / "tmp"  # where `mkdocs serve` makes its output folder
        self.temp.mkdir()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=site.root, stdout=self._log_file, stderr=subprocess.STDOUT,
            env={**os.environ, "TMPDIR": str(self.temp)},
        )

    def output(self, url: str) -> Path:
        """The file the preview serves at `url`."""
        (folder,) = self.temp.glob("mkdocs_*")
        return folder / url / "index.html"

    def get(self, url: str) -> str | None:
        """The page at a site URL such as `districts/minhou/`, None if there is none (yet)."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{url}", timeout=10) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise
        except OSError:
            return None

    # MkDocs' build logger drops a message it has logged before ("Documentation built in
    # 0.25 seconds" twice), so rebuilds are counted by the server's own lines, which carry a time.
    def builds(self) -> int:
        """Rebuilds finished since the preview started."""
        return self.log.read_text(encoding="utf-8").count("Reloading browsers")

    def idle_after(self, before: int) -> bool:
        """A rebuild finished since `before`, and none is under way (its pages may be missing meanwhile)."""
        log = self.log.read_text(encoding="utf-8")
        finished = log.count("Reloading browsers")
        return finished > before and log.count("Detected file changes") <= finished

    def wait_until(self, condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, f"the preview stopped:\n{self.log.read_text(encoding='utf-8')}"
            if time.monotonic() > deadline:
                raise AssertionError(f"{what}: not within {timeout} s\n{self.log.read_text(encoding='utf-8')}")
            time.sleep(0.1)

    def edit(self, src_uri: str, text: str) -> None:
        """Save a file and wait for the rebuild it starts to finish.

        MkDocs' file watcher takes its first look at the folder in a thread of its own,
        just after the preview starts; a save it missed is saved again, as an editor would.
        """
        before = self.builds()
        for _ in range(6):
            self.site.write(src_uri, text)
            try:
                self.wait_until(lambda: self.idle_after(before), f"a rebuild after saving {src_uri}", timeout=10)
                return
            except AssertionError:
                continue
        raise AssertionError(f"no rebuild after saving {src_uri}:\n{self.log.read_text(encoding='utf-8')}")

    def stop(self) -> str:
        self.process.terminate()
        self.process.wait(timeout=30)
        self._log_file.close()
        return self.log.read_text(encoding="utf-8")


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    running = Preview(make_site(tmp_path / "site", tree()))
    try:
        running.wait_until(
            lambda: "Serving on" in running.log.read_text(encoding="utf-8") and running.get("") is not None,
            "the first build",
        )
        yield running
    finally:
        output = running.stop()
        assert "Traceback" not in output, output
        assert "'dirty' build is being performed" not in output, "no warning that pages may be out of date"


def listed(html: str | None) -> list[str]:
    """The slugs of the cases a page lists in its generated part, in order."""
    assert html is not None
    generated = html[html.index('class="sl-generated"'):] if 'class="sl-generated"' in html else html
    return re.findall(r'href="[./]*cases/\d{4}/(\w+)/"', generated)


def neighbours(preview: Preview, url: str) -> dict[str, str]:
    """A case page's previous/next links: {"prev": slug, "next": slug}."""
    html = preview.get(url)
    assert html is not None
    return {
        rel: urljoin(f"/{url}", href).rstrip("/").rsplit("/", 1)[1]
        for href, rel in re.findall(r'href="([^"]+)" rel="(prev|next)"', html)
    }


def nav_titles(html: str | None) -> list[str]:
    assert html is not None
    nav = html[html.index("md-nav--primary"):html.index("md-sidebar--secondary")]
    return [title.strip() for title in re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', nav, re.S)]


def check_nothing_dropped(preview: Preview, districts: dict[str, list[str]]) -> None:
    """Every district page lists exactly its cases; the topics page lists every tagged case."""
    for key, slugs in districts.items():
        assert sorted(listed(preview.get(f"districts/{key}/"))) == sorted(slugs), key
    topics = preview.get("topics/")
    assert topics is not None
    assert set(re.findall(r'href="[./]*cases/\d{4}/(\w+)/"', topics)) == TAGGED


def edited(src_uri: str, **fields: object) -> str:
    meta = {**CASES[src_uri], **fields}
    return page(meta, body(src_uri))


def test_a_new_title_shows_on_every_page_that_lists_the_case(preview: Preview) -> None:
    nav_before = nav_titles(preview.get("cases/2024/m2/"))
    preview.edit("cases/2024/m3.md", edited("cases/2024/m3.md", title="闽侯三号改名"))

    for url in ("districts/minhou/", "brands/rong/", "", "topics/", "cases/2024/m3/"):
        html = preview.get(url)
        assert html is not None and "闽侯三号改名" in html and "闽侯三号案例" not in html, url
    for neighbour in ("cases/2024/m2/", "cases/2023/m4/"):
        html = preview.get(neighbour)
        assert html is not None and "闽侯三号改名" in html, f"{neighbour} links to m3 by its new title"
    check_nothing_dropped(preview, DISTRICT_CASES)
    assert nav_titles(preview.get("cases/2024/m2/")) == nav_before, "the navigation keeps every title"
    topics_links = preview.get("cases/2024/m3/")
    assert topics_links is not None and re.search(r'href="[./]*topics/#[^"]*"[^>]*class="md-tag', topics_links), (
        "the edited case's topics link to the topics page"
    )


def test_a_change_of_district_moves_the_case_between_lists_and_neighbours(preview: Preview) -> None:
    assert neighbours(preview, "cases/2024/m2/") == {"prev": "m3", "next": "m1"}
    preview.edit("cases/2024/m3.md", edited("cases/2024/m3.md", district="gulou"))

    check_nothing_dropped(preview, {**DISTRICT_CASES, "minhou": ["m1", "m2", "m4"], "gulou": ["g1", "m3", "g2"]})
    assert neighbours(preview, "cases/2024/m2/") == {"prev": "m4", "next": "m1"}
    assert neighbours(preview, "cases/2023/m4/") == {"next": "m2"}
    assert neighbours(preview, "cases/2024/g1/") == {"prev": "m3"}
    assert neighbours(preview, "cases/2023/g2/") == {"next": "m3"}
    assert neighbours(preview, "cases/2024/m3/") == {"prev": "g2", "next": "g1"}


def test_a_new_case_appears_in_its_lists_and_between_its_neighbours(preview: Preview) -> None:
    preview.edit("cases/2024/m5.md", page(case("闽侯新增案例", "2024-03-15", "minhou", tags=["电商"]), "新的。"))

    for key, slugs in {**DISTRICT_CASES, "minhou": ["m1", "m5", "m2", "m3", "m4"]}.items():
        assert listed(preview.get(f"districts/{key}/")) == slugs, key
    home = preview.get("")
    assert home is not None and "闽侯新增案例" in home
    assert neighbours(preview, "cases/2024/m1/") == {"prev": "m5"}
    assert neighbours(preview, "cases/2024/m2/") == {"prev": "m3", "next": "m5"}
    topics = preview.get("topics/")
    assert topics is not None and set(re.findall(r'href="[./]*cases/\d{4}/(\w+)/"', topics)) == TAGGED | {"m5"}


def test_a_case_made_a_draft_leaves_the_preview(preview: Preview) -> None:
    preview.edit("cases/2024/m2.md", edited("cases/2024/m2.md", draft=True))

    assert preview.get("cases/2024/m2/") is None, "a draft appears nowhere, its old page neither"
    assert listed(preview.get("districts/minhou/")) == ["m1", "m3", "m4"]
    assert neighbours(preview, "cases/2024/m3/") == {"prev": "m4", "next": "m1"}
    topics = preview.get("topics/")
    assert topics is not None and "闽侯二号案例" not in topics


def test_an_edit_renders_only_the_pages_that_show_it(preview: Preview) -> None:
    showing = ["districts/rongchang/", "brands/yu/", "", "topics/", "cases/2024/r1/"]
    not_showing = ["districts/minhou/", "districts/gulou/", "brands/rong/", "cases/2024/m1/", "cases/2023/g2/",
                   "highlights/2024/"]  # generated, like home, but not showing r1
    written = {url: preview.output(url).stat().st_mtime_ns for url in showing + not_showing}
    preview.edit("cases/2024/r1.md", edited("cases/2024/r1.md", title="荣昌改名"))

    assert all(preview.output(url).stat().st_mtime_ns > written[url] for url in showing)
    assert all(preview.output(url).stat().st_mtime_ns == written[url] for url in not_showing)
    check_nothing_dropped(preview, DISTRICT_CASES)


def not_found_page(preview: Preview) -> str:
    """What the preview answers for a URL that has no page: the theme's 404 page."""
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{preview.port}/no-such-page/", timeout=10)
    except urllib.error.HTTPError as error:
        assert error.code == 404
        return error.read().decode("utf-8")
    raise AssertionError("no-such-page/ answered 200")


BANNER_FILES = (
    "assets/shangliang/problems.js", "assets/shangliang/preview-reload.js", "assets/shangliang/problems.css",
)  # fmt: skip


def test_every_page_and_the_404_page_carry_the_banner_of_the_latest_build(preview: Preview) -> None:
    """Pages not rendered again keep their old banner, with the script and styles that bring it up to date."""
    preview.edit("cases/2024/r1.md", edited("cases/2024/r1.md", memebrs=3))

    report = json.loads(preview.get("_shangliang/problems.json") or "{}")
    assert report["tone"] == "warnings" and [line["label"] for line in report["lines"]] == ["警告"]
    assert report["lines"][0]["text"].startswith("cases/2024/r1.md: ")
    assert "发布构建" not in report["heading"] and "--strict" in report["heading"]
    for url in ("districts/minhou/", "brands/rong/", "cases/2023/g2/", "highlights/2024/", "topics/"):
        html = preview.get(url)
        assert html is not None and "data-sl-problems" in html, url
        assert all(name in html for name in BANNER_FILES), f"{url}: the banner's script, reload and styles"
    not_found = not_found_page(preview)
    assert "data-sl-problems" in not_found and "cases/2024/r1.md: " in not_found, "the 404 page shows it too"
    assert all(name in not_found for name in BANNER_FILES)

    preview.edit("cases/2024/r1.md", edited("cases/2024/r1.md"))
    report = json.loads(preview.get("_shangliang/problems.json") or "{}")
    assert report["tone"] == "none" and report["lines"] == []
    assert "cases/2024/r1.md: " not in not_found_page(preview)


def test_the_preview_indexes_search_after_each_build_without_waiting_for_it(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", tree(), search=True)
    running = Preview(site)
    try:
        running.wait_until(lambda: running.get("pagefind/pagefind.js") is not None, "the first search index")
        running.edit("cases/2024/m3.md", edited("cases/2024/m3.md", title="闽侯三号改名"))
        running.wait_until(
            lambda: running.log.read_text(encoding="utf-8").count("shangliang: search index:") >= 2,
            "the search index after the edit",
        )
    finally:
        output = running.stop()
    assert "Traceback" not in output and "ERROR" not in output, output
    after_edit = output[output.index("dirty build: 1 case changed"):]
    assert after_edit.index("Reloading browsers") < after_edit.index("shangliang: search index:"), (
        "the rebuild finished (and the browser reloaded) before the index was rebuilt"
    )
