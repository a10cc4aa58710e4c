"""`mkdocs serve --dirty` survives hostile files: it keeps answering, and shows the problem on every page.

One real preview for the whole module, over a small valid tree: brand rong with
districts minhou (case m1) and gulou (case g1), an ordinary page, search on. Each test
saves one hostile file into `content/` (as an editor might, by mistake or not), then
checks, within about 10 s of the rebuild:

- the preview still answers `GET /` with 200;
- every kind of page — home, a district page, a case page the edit did not touch, an
  ordinary page — shows the problem in its banner (`.sl-problems`), on a line naming
  the file, as a reader sees it: in headless Chromium (a dirty rebuild need not render
  every page again, so the banner may be brought up to date by the page's script);
- no raw control character (ESC, NUL, BEL) is in any of those pages as served;
- the server's stderr has the problem line, with control characters written as escapes,
  and no traceback.

Then it removes the file and checks that the banner is gone from those pages. Links
out of `content/` are checked here too, because a preview builds despite errors: the
outside files' marker must reach no file the preview writes (pages, data, feeds,
Pagefind index), and a linked case is listed nowhere.

Each hostile file has a name of its own, so that a page still showing an earlier
test's problem can never pass for one showing this test's.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sites import BRAND_RONG, DISTRICT_GULOU, DISTRICT_MINHOU, Site, case, make_site, page

from shangliang.local_site import free_port

WITHIN = 10
"""Seconds after a rebuild within which every page must show (or stop showing) the problem."""

HANG_GUARD = 60
RAW_CONTROLS = ("\x00", "\x1b", "\x07")
NAMES_ESC = re.compile(r"\\x1b|U\+001B", re.IGNORECASE)
UNTOUCHED = ("", "districts/gulou/", "cases/2024/g1/", "about/")
"""Home, a district page, a case page and an ordinary page that no hostile edit touches."""

MARKER = f"leakmarker{uuid.uuid4().hex[:16]}"


def tree() -> dict[str, str | bytes]:
    return {
        "brands/rong.md": page(BRAND_RONG, "榕你来商量。"),
        "districts/minhou.md": page(DISTRICT_MINHOU, "闽侯。"),
        "districts/gulou.md": page(DISTRICT_GULOU, "鼓楼。"),
        "cases/2024/m1.md": page(case("闽侯一号案例", "2024-04-01", "minhou", tags=["电商"]), "闽侯正文。"),
        "cases/2024/g1.md": page(case("鼓楼一号案例", "2024-02-15", "gulou", tags=["停车"]), "鼓楼正文。"),
        "about.md": page({"title": "关于本站"}, "关于本站的说明。"),
    }


class Preview:
    """A running `mkdocs serve --dirty` over `site`; its stderr in `serve.log`."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.port = free_port()
        self.log = site.root / "serve.log"
        self._stderr = self.log.open("w", encoding="utf-8")
        self._stdout = (site.root / "serve.out").open("w", encoding="utf-8")
        self.temp = site.root / "tmp"  # where `mkdocs serve` makes its output folder
        self.temp.mkdir()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=site.root,
            stdout=self._stdout,
            stderr=self._stderr,
            env={**os.environ, "TMPDIR": str(self.temp), "NO_MKDOCS_2_WARNING": "1"},
        )

    def text(self) -> str:
        return self.log.read_bytes().decode("utf-8", errors="surrogateescape")

    def output_dir(self) -> Path:
        (folder,) = self.temp.glob("mkdocs_*")
        return folder

    def response(self, url: str) -> tuple[int, str]:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{url}", timeout=10) as response:
            return response.status, response.read().decode("utf-8", errors="surrogateescape")

    def get(self, url: str) -> str | None:
        try:
            return self.response(url)[1]
        except (urllib.error.HTTPError, OSError):
            return None

    # A rebuild ends with "Reloading browsers", or, when it raised, with MkDocs' own error line.
    def builds(self) -> int:
        log = self.text()
        return log.count("Reloading browsers") + log.count("An error happened during the rebuild")

    def idle_after(self, before: int) -> bool:
        finished = self.builds()
        return finished > before and self.text().count("Detected file changes") <= finished

    def wait_until(self, condition: Callable[[], bool], what: str, timeout: float = HANG_GUARD) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, f"the preview stopped:\n{self.text()[-5000:]}"
            if time.monotonic() > deadline:
                raise AssertionError(f"{what}: not within {timeout} s\n{self.text()[-5000:]}")
            time.sleep(0.1)

    def change(self, apply: Callable[[], None], what: str) -> None:
        """Make a change and wait for the rebuild it starts to finish.

        MkDocs' file watcher takes its first look at the folder in a thread of its own;
        a change it missed is made again, as an editor would save again.
        """
        before = self.builds()
        for _ in range(6):
            apply()
            try:
                self.wait_until(lambda: self.idle_after(before), f"a rebuild after {what}", timeout=10)
                return
            except AssertionError:
                continue
        raise AssertionError(f"no rebuild after {what}:\n{self.text()[-5000:]}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)
        self._stderr.close()
        self._stdout.close()


@pytest.fixture(scope="module")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Files outside `content/`, carrying MARKER."""
    folder = tmp_path_factory.mktemp("outside")
    (folder / "more").mkdir()
    (folder / "secret.md").write_text(
        page(case(f"外部案例{MARKER}", "2024-05-01", "minhou"), f"外部正文 {MARKER}。"), encoding="utf-8"
    )
    (folder / "more" / "a.md").write_text(
        page(case(f"外部甲{MARKER}", "2025-03-01", "minhou"), f"外部正文 {MARKER}。"), encoding="utf-8"
    )
    (folder / "more" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + MARKER.encode())
    return folder


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    running = Preview(make_site(tmp_path_factory.mktemp("serve-hostile"), tree(), search=True))
    try:
        running.wait_until(lambda: "Serving on" in running.text() and running.get("") is not None, "the first build")
        yield running
    finally:
        running.stop()


# -- what a reader sees -------------------------------------------------------------------------

# The banner's lines as a reader sees them: none when there is no banner or it is hidden.
_VISIBLE_LINES = """() => {
  const banner = document.querySelector('.sl-problems');
  if (!banner || banner.hidden || banner.getClientRects().length === 0) return null;
  return [...banner.querySelectorAll('li code')].map(item => item.textContent.trim());
}"""
_SHOWS = f"""([src, wanted]) => {{
  const lines = ({_VISIBLE_LINES})();
  const named = (lines || []).some(line => line.includes(src + ': ') || line.includes(src + '/: '));
  return wanted === 'shown' ? named : lines === null;
}}"""


class Reader:
    """Headless Chromium reading the preview's pages (nothing but 127.0.0.1 is ever requested)."""

    def __init__(self, page: Any, port: int) -> None:
        self.page = page
        self.port = port

    def lines(self, url: str) -> list[str] | None:
        """The visible banner lines of the page at `url` once loaded; None when no banner shows."""
        self.page.goto(f"http://127.0.0.1:{self.port}/{url}", wait_until="load")
        return self.page.evaluate(_VISIBLE_LINES)

    def wait(self, url: str, src_uri: str, wanted: str) -> None:
        """Until the page at `url` shows a banner line naming `src_uri` (wanted="shown") or no banner ("gone")."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        deadline = time.monotonic() + WITHIN
        while True:
            self.page.goto(f"http://127.0.0.1:{self.port}/{url}", wait_until="load")
            try:  # the page's script may bring its banner up to date just after loading
                self.page.wait_for_function(_SHOWS, arg=[src_uri, wanted], timeout=2000)
                return
            except PlaywrightTimeout:
                if time.monotonic() > deadline:
                    seen = self.page.evaluate(_VISIBLE_LINES)
                    raise AssertionError(
                        f"{url or 'home'}: the banner should be {wanted} for {src_uri} within {WITHIN} s; "
                        f"a reader sees {seen}"
                    ) from None


@pytest.fixture(scope="module")
def reader(preview: Preview, browser: Any) -> Iterator[Reader]:
    """The browser tests' Chromium (tests/browser/conftest.py), reading the preview's pages."""
    context = browser.new_context()
    context.route(lambda url: not url.startswith("http://127.0.0.1:"), lambda route: route.abort())
    context.route("**/livereload/**", lambda route: route.abort())  # the reader loads pages itself: no live reload
    try:
        running = Reader(context.new_page(), preview.port)
        for url in UNTOUCHED:
            assert running.lines(url) is None, f"the starting tree has no problems ({url or 'home'})"
        yield running
    finally:
        context.close()


# -- the hostile files --------------------------------------------------------------------------


def hostile_case(extra: str = "", *, title: str = '"一个不怀好意的案例"', body: str = "正文。") -> str:
    extra = extra if not extra or extra.endswith("\n") else extra + "\n"
    return f"---\ntitle: {title}\ndate: 2024-03-01\ndistrict: minhou\nformat: 微协商\n{extra}---\n\n{body}\n"


def alias_bomb() -> str:
    lines = ["l0: &l0 [" + ", ".join(['"哈"'] * 9) + "]"]
    lines += [f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 9)]
    return "\n".join(lines)


HOSTILES: dict[str, str | bytes] = {
    "alias-bomb": hostile_case(alias_bomb()),
    "nested-tags": hostile_case("tags: [[a]]"),
    "template": hostile_case("template: nowhere.html"),
    "icon": hostile_case("icon: ../../etc/passwd"),
    "deep-list": hostile_case(body="- " * 5000 + "最深一层"),
    "escape-title": hostile_case(title='"\\e[31m红色标题\\e[0m"'),
    "nul-title": hostile_case(title='"路灯\\0亮了"'),
    "bel-in-body": hostile_case(body="第一段\x07响铃。").encode(),
}


def write(site: Site, src_uri: str, text: str | bytes) -> None:
    site.write(src_uri, text)


def link(site: Site, src_uri: str, target: Path) -> None:
    path = site.content / src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink():
        path.unlink()
    os.symlink(target, path)


def remove(site: Site, src_uri: str) -> None:
    path = site.content / src_uri
    if path.is_symlink() or path.is_file():
        path.unlink()


def names(line: str, src_uri: str) -> bool:
    """The banner line is about `src_uri` (it may start with a severity label, e.g. 错误：)."""
    return re.search(rf"{re.escape(src_uri)}/?: ", line) is not None


# -- checks ---------------------------------------------------------------------------------------


def assert_shown_everywhere(preview: Preview, reader: Reader, src_uri: str, mark: int) -> None:
    """The preview answers; every page's banner names `src_uri`; stderr has its line, escaped."""
    for url in UNTOUCHED:
        reader.wait(url, src_uri, "shown")
    status, _ = preview.response("")
    assert status == 200, "the preview still answers"
    for url in UNTOUCHED:
        served = preview.get(url)
        assert served is not None, url
        for char in RAW_CONTROLS:
            assert char not in served, f"{url or 'home'}: a raw U+{ord(char):04X} in the page as served"
    printed = preview.text()[mark:]
    assert "Traceback" not in printed, printed
    lines = re.findall(rf"^(?:ERROR|WARNING) +- +shangliang: {re.escape(src_uri)}/?: .*$", printed, re.M)
    assert lines, f"the server's stderr names {src_uri}:\n{printed}"
    for char in RAW_CONTROLS:
        assert char not in printed, f"a raw U+{ord(char):04X} in the server's stderr: {printed!r}"


def assert_gone_when_removed(preview: Preview, reader: Reader, src_uri: str) -> None:
    preview.change(lambda: remove(preview.site, src_uri), f"removing {src_uri}")
    for url in UNTOUCHED:
        reader.wait(url, src_uri, "gone")
    assert preview.response("")[0] == 200


def background_runs(preview: Preview) -> tuple[int, int]:
    """Runs of the preview's background job so far: open data and feeds, and the search index."""
    log = preview.text()
    return log.count("开放数据："), log.count("search index:")


def wait_for_background(preview: Preview, before: tuple[int, int]) -> None:
    """Until the background job has run since `before`, after the last rebuild, and the log is quiet."""

    def settled() -> bool:
        log = preview.text()
        after_last_build = log[log.rfind("Reloading browsers") :]
        if not all(now > then for now, then in zip(background_runs(preview), before, strict=True)):
            return False
        if "开放数据：" not in after_last_build or "search index:" not in after_last_build:
            return False
        time.sleep(1.0)  # a run requested meanwhile would log again within this second
        return preview.text() == log

    preview.wait_until(settled, "the background job (open data, feeds, search index) after the rebuild")


def outputs(folder: Path) -> list[tuple[Path, bytes]]:
    """Every file the preview wrote, as bytes (gzip-compressed ones, such as Pagefind's, decompressed).

    Read again if the background job replaces a folder meanwhile."""
    for attempt in range(3):
        try:
            found = []
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    raw = path.read_bytes()
                    found.append((path, gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw))
            return found
        except FileNotFoundError:
            if attempt == 2:
                raise
            time.sleep(1.0)
    raise AssertionError("unreachable")


# -- tests ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", HOSTILES, ids=HOSTILES.keys())
def test_a_hostile_file_shows_on_every_page_and_goes_away_when_removed(
    preview: Preview, reader: Reader, name: str
) -> None:
    src_uri = f"cases/2024/hostile-{name}.md"
    mark, before = len(preview.text()), background_runs(preview)
    try:
        preview.change(lambda: write(preview.site, src_uri, HOSTILES[name]), f"saving {src_uri}")
        assert_shown_everywhere(preview, reader, src_uri, mark)
        wait_for_background(preview, before)
        for path, data in outputs(preview.output_dir()):
            if path.suffix in {".html", ".xml", ".json", ".csv", ".txt"}:
                assert b"\x00" not in data, f"a NUL byte in {path.relative_to(preview.output_dir())}"
    finally:
        assert_gone_when_removed(preview, reader, src_uri)


def test_the_escape_character_of_a_title_is_named_not_printed(preview: Preview, reader: Reader) -> None:
    """`title: "\\e[31m…"`: the terminal and the banner name the character (`\\x1b` or U+001B), never colour."""
    src_uri = "cases/2024/hostile-colour.md"
    mark = len(preview.text())
    try:
        preview.change(lambda: write(preview.site, src_uri, hostile_case(title='"\\e[31m红色标题"')), "saving")
        assert_shown_everywhere(preview, reader, src_uri, mark)
        written = f"shangliang: {src_uri}: title（标题）:"
        printed = [line for line in preview.text()[mark:].splitlines() if written in line]
        assert any(NAMES_ESC.search(line) for line in printed), printed
        banner = [line for line in reader.lines("") or [] if names(line, src_uri)]
        assert any(NAMES_ESC.search(line) for line in banner), banner
    finally:
        assert_gone_when_removed(preview, reader, src_uri)


@pytest.mark.parametrize(
    ("src_uri", "target"),
    [("cases/2024/hostile-link.md", "secret.md"), ("cases/2025", "more")],
    ids=["case-link", "folder-link"],
)
def test_nothing_from_outside_content_reaches_the_preview(
    preview: Preview, reader: Reader, outside: Path, src_uri: str, target: str
) -> None:
    """A link out of `content/` is shown as a problem; its files reach no page, data, feed or search index."""
    mark, before = len(preview.text()), background_runs(preview)
    try:
        preview.change(lambda: link(preview.site, src_uri, outside / target), f"linking {src_uri}")
        assert_shown_everywhere(preview, reader, src_uri, mark)
        wait_for_background(preview, before)
        for url in ("", "districts/minhou/", "brands/rong/"):
            served = preview.get(url)
            assert served is not None and MARKER not in served, f"{url or 'home'} shows a case from outside"
        for path, data in outputs(preview.output_dir()):
            assert MARKER.encode() not in data, f"{path.relative_to(preview.output_dir())} holds text from outside"
        assert MARKER not in preview.text(), "the server printed text from outside content/"
    finally:
        assert_gone_when_removed(preview, reader, src_uri)
