"""The preview tells the truth: under `mkdocs serve --dirty`, every page shows every current problem.

One real preview for the module over a small tree with every page kind. The tests run in
order, on the same tabs, opened once before the first edit and never reloaded by hand:

1. a warning (an unknown field) in case r1: every page kind — the home page, a brand, a
   venue, a roundup, a highlights page, the topics page, the case finder, the 404 page, a
   case of another year — shows it, styled, worded as a warning (only `--strict` fails), without the pages
   that do not show r1 being rendered again (MkDocs' live reload reloads the tabs; the
   banner script brings an old page's banner up to date);
2. an error besides (a date that is no date): the banner says the build fails, and labels
   each line 错误 or 警告;
3. a slip YAML refuses (`title：` with a full-width colon): every page names the file, and
   its own page has the title the editor wrote (as text), not its front matter as text;
4. the file fixed: no banner anywhere.

The problems' wording is the messages module's; these tests read only the file each line
names, the line's label and the banner's heading.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sites import BRAND_RONG, DISTRICT_GULOU, DISTRICT_MINHOU, Site, case, make_site, page

from shangliang.local_site import free_port

from .conftest import PHONE, SCREENSHOTS

WITHIN = 30
"""Seconds after a rebuild within which every open tab must show what the build found."""

EDITED = "cases/2024/r1.md"
R1 = case("荣昌一号案例", "2024-05-01", "rongchang", brand="yu", tags=["停车"])

PAGES = {
    "home": "",
    "brand": "brands/rong/",
    "venue": "venues/ganzhe/",
    "roundup": "roundups/2024/",
    "highlights": "highlights/2024/",
    "topics": "topics/",
    "case finder": "cases/",
    "404": "no-such-page/",
    "case of another year": "cases/2023/m2/",
    "edited case": "cases/2024/r1/",
}
NOT_SHOWING_R1 = ("brand", "venue", "roundup", "highlights", "case of another year")
"""Pages an edit of r1 does not render again (their banner is brought up to date by the script)."""


def tree() -> dict[str, str | bytes]:
    return {
        "brands/rong.md": page(BRAND_RONG, "榕你来商量。"),
        "brands/yu.md": page({"name": "渝事好商量", "organisation": "重庆市政协"}, "渝事好商量。"),
        "districts/minhou.md": page(DISTRICT_MINHOU, "闽侯。"),
        "districts/gulou.md": page(DISTRICT_GULOU, "鼓楼。"),
        "districts/rongchang.md": page({"name": "荣昌区", "brand": "yu"}, "荣昌。"),
        "venues/ganzhe.md": page({"name": "甘蔗联系点", "type": "委员联系点", "district": "minhou"}, "联系点。"),
        "cases/2024/m1.md": page(
            case("闽侯一号案例", "2024-04-01", "minhou", venue="ganzhe", tags=["电商"], highlight=2024), "闽侯正文。"
        ),
        "cases/2023/m2.md": page(case("闽侯二号案例", "2023-03-01", "minhou", tags=["养老"]), "闽侯二号正文。"),
        EDITED: page(R1, "荣昌正文。"),
        "roundups/2024.md": page({"title": "2024年度综述"}, "本年度的案例。"),
        "topics.md": page({"title": "话题"}, "<!-- material/tags -->"),
    }


def r1_with(extra: str = "", *, title_line: str = "title: 荣昌一号案例", date: str = "2024-05-01") -> str:
    return (
        f"---\n{title_line}\ndate: {date}\ndistrict: rongchang\nbrand: yu\nformat: 微协商\n"
        f"tags: [停车]\n{extra}---\n\n荣昌正文。\n"
    )


class Preview:
    """A running `mkdocs serve --dirty` over `site` (its output in `serve.log`)."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.port = free_port()
        self.log = site.root / "serve.log"
        self._log = self.log.open("w", encoding="utf-8")
        self.temp = site.root / "tmp"  # where `mkdocs serve` makes its output folder
        self.temp.mkdir()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=site.root, stdout=self._log, stderr=subprocess.STDOUT,
            env={**os.environ, "TMPDIR": str(self.temp), "NO_MKDOCS_2_WARNING": "1"},
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def output(self, path: str) -> Path:
        (folder,) = self.temp.glob("mkdocs_*")
        return folder / path / "index.html"

    def answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.url(""), timeout=5):
                return True
        except (urllib.error.URLError, OSError):
            return False

    def builds(self) -> int:
        return self.text().count("Reloading browsers")

    def wait_until(self, condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, f"the preview stopped:\n{self.text()[-5000:]}"
            assert time.monotonic() < deadline, f"{what}: not within {timeout} s\n{self.text()[-5000:]}"
            time.sleep(0.1)

    def save(self, text: str) -> None:
        """Save r1 and wait for the rebuild (MkDocs' watcher may miss a save just after start: save again)."""
        before = self.builds()
        for _ in range(6):
            self.site.write(EDITED, text)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                log = self.text()
                if log.count("Reloading browsers") > before and log.count("Detected file changes") <= self.builds():
                    return
                time.sleep(0.1)
        raise AssertionError(f"no rebuild after saving {EDITED}:\n{self.text()[-5000:]}")

    def stop(self) -> str:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)
        self._log.close()
        return self.text()


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    running = Preview(make_site(tmp_path_factory.mktemp("preview-banner"), tree()))
    try:
        running.wait_until(lambda: "Serving on" in running.text() and running.answers(), "the first build")
        yield running
    finally:
        output = running.stop()
        assert "Traceback" not in output, output


# -- what a reader sees ---------------------------------------------------------------------------

# The banner as shown: None when there is none or it is hidden; else its heading, tone, lines and style.
_BANNER = """() => {
  const banner = document.querySelector('.sl-problems');
  const bar = banner && banner.closest('.md-banner');
  if (!banner || banner.hidden || !bar || getComputedStyle(bar).display === 'none') return null;
  const label = banner.querySelector('.sl-problems__label');
  return {
    heading: banner.querySelector('.sl-problems__heading').textContent,
    tone: banner.dataset.slTone,
    lines: [...banner.querySelectorAll('li')].map(item => ({
      label: item.querySelector('.sl-problems__label').textContent,
      text: item.querySelector('code').textContent,
    })),
    barBackground: getComputedStyle(bar).backgroundColor,
    labelBackground: label ? getComputedStyle(label).backgroundColor : null,
  };
}"""

FOOTER_BACKGROUND = "rgba(0, 0, 0, 0.87)"
"""Material's own announcement bar (its footer colour): what an unstyled banner would show."""


class Tabs:
    """One tab per page kind, opened once: what each shows is brought by live reload, never by `goto`.

    Each tab has a browser context of its own: a tab waiting for the next build holds one of the
    six connections a browser opens to one host, as MkDocs' own live reload does."""

    def __init__(self, browser: Any, preview: Preview) -> None:
        self.contexts, self.tabs = [], {}
        for kind, path in PAGES.items():
            context = browser.new_context(viewport=PHONE, locale="zh-CN")
            context.route(lambda url: not url.startswith("http://127.0.0.1:"), lambda route: route.abort())
            self.contexts.append(context)
            tab = self.tabs[kind] = context.new_page()
            tab.goto(preview.url(path), wait_until="load")

    def close(self) -> None:
        for context in self.contexts:
            context.close()

    def banner(self, kind: str) -> dict[str, Any] | None:
        try:
            return self.tabs[kind].evaluate(_BANNER)
        except Exception:  # the tab is reloading just now
            return {"reloading": True}

    def wait(self, shows: Callable[[dict[str, Any] | None], bool], what: str) -> dict[str, dict[str, Any] | None]:
        """Until every tab's banner `shows` it; the banners seen."""
        deadline = time.monotonic() + WITHIN
        while True:
            seen = {kind: self.banner(kind) for kind in self.tabs}
            if all(banner is None or "reloading" not in banner for banner in seen.values()) and all(
                shows(banner) for banner in seen.values()
            ):
                return seen
            if time.monotonic() > deadline:
                wrong = {kind: banner for kind, banner in seen.items() if not shows(banner)}
                raise AssertionError(f"{what}: not shown within {WITHIN} s on {sorted(wrong)}: {wrong}")
            time.sleep(0.2)


@pytest.fixture(scope="module")
def tabs(preview: Preview, browser: Any) -> Iterator[Tabs]:
    """The browser tests' Chromium (tests/browser/conftest.py), at phone size, on 127.0.0.1 only."""
    opened = Tabs(browser, preview)
    try:
        opened.wait(lambda banner: banner is None, "the starting tree has no problems, so no banner")
        yield opened
    finally:
        opened.close()


def names_r1(banner: dict[str, Any] | None, *labels: str) -> bool:
    """The banner has a line about r1 with each of `labels`."""
    about_r1 = [line["label"] for line in (banner or {}).get("lines", []) if line["text"].startswith(EDITED + ":")]
    return banner is not None and all(label in about_r1 for label in labels)


def written(preview: Preview) -> dict[str, int]:
    return {kind: preview.output(PAGES[kind]).stat().st_mtime_ns for kind in NOT_SHOWING_R1}


# -- the tests, in order --------------------------------------------------------------------------


def test_a_warning_shows_on_every_page_kind_as_a_warning(preview: Preview, tabs: Tabs) -> None:
    before = written(preview)
    preview.save(r1_with("memebrs: 3\n"))

    seen = tabs.wait(lambda banner: names_r1(banner, "警告"), "the warning")
    assert written(preview) == before, "pages that do not show r1 are not rendered again"
    for kind, banner in seen.items():
        assert banner is not None
        assert banner["tone"] == "warnings", kind
        assert "--strict" in banner["heading"] and "警告" in banner["heading"], kind
        assert "错误" not in banner["heading"] and "发布构建会" not in banner["heading"], (
            f"{kind}: a warning alone does not fail the build; the heading says {banner['heading']}"
        )
        assert {line["label"] for line in banner["lines"]} == {"警告"}, kind
        assert banner["barBackground"] != FOOTER_BACKGROUND, f"{kind}: the banner is styled"


def test_an_error_says_the_build_fails_and_each_line_has_its_label(preview: Preview, tabs: Tabs) -> None:
    before = written(preview)
    preview.save(r1_with("memebrs: 3\n", date="2024-13-45"))

    seen = tabs.wait(lambda banner: names_r1(banner, "错误", "警告"), "the error beside the warning")
    assert written(preview) == before, "pages that do not show r1 are not rendered again"
    styles = set()
    for kind, banner in seen.items():
        assert banner is not None
        assert banner["tone"] == "errors", kind
        assert "错误" in banner["heading"] and "发布构建" in banner["heading"], kind
        assert [line["label"] for line in banner["lines"]] == ["错误", "警告"], f"{kind}: errors first"
        styles.add((banner["barBackground"], banner["labelBackground"]))
    assert len(styles) == 1, f"the banner looks the same on every page kind: {styles}"
    shoot(tabs, "preview-banner-errors")


def test_a_slip_in_the_front_matter_keeps_the_title_and_hides_the_front_matter(preview: Preview, tabs: Tabs) -> None:
    preview.save(r1_with(title_line="title：荣昌<b>停车</b>难题"))

    tabs.wait(lambda banner: names_r1(banner, "错误"), "the unreadable front matter")
    tab = tabs.tabs["edited case"]
    assert tab.locator("article h1").inner_text().strip() == "荣昌<b>停车</b>难题", "the title as written, as text"
    assert tab.locator("article h1 b").count() == 0 and "荣昌<b>停车</b>难题" in tab.title()
    article = tab.locator("article").inner_text()
    for front_matter in ("district: rongchang", "format: 微协商", "title：", "brand: yu"):
        assert front_matter not in article, f"the front matter is not shown as text: {front_matter!r} in {article!r}"
    assert "r1" not in tab.locator("article h1").inner_text(), "not the file's name"


def test_the_banner_goes_away_when_the_file_is_fixed(preview: Preview, tabs: Tabs) -> None:
    preview.save(r1_with())

    tabs.wait(lambda banner: banner is None, "no banner")
    assert tabs.tabs["edited case"].locator("article h1").inner_text().strip() == "荣昌一号案例"


def shoot(tabs: Tabs, name: str) -> None:
    """The banner at phone and desktop width, in test-output/screenshots (to look at)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab = tabs.tabs["brand"]
    tab.screenshot(path=str(SCREENSHOTS / f"{name}-phone.png"))
    tab.set_viewport_size({"width": 1280, "height": 800})
    tab.screenshot(path=str(SCREENSHOTS / f"{name}-desktop.png"))
    tab.set_viewport_size(PHONE)
