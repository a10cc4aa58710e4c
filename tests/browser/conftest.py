"""Browser-test fixtures: the built sample served over real HTTP, one headless Chromium.

Every browser test gets a fresh context (clean storage, so palette choices do
not leak) at phone size, with every request recorded and anything not on
127.0.0.1 aborted (and reported by the tests).

Set SHANGLIANG_SITE_DIR to run the suite against an already built site
(e.g. `mkdocs build -d /tmp/site`) instead of building the sample.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from shangliang.local_site import CHROMIUM_ARGS, LOCAL_HOST, RecordingServer, chromium_path

try:
    from tests.conftest import TEST_OUTPUT
except ImportError:  # pytest imported the top conftest under another name
    TEST_OUTPUT = Path(__file__).resolve().parents[2] / "test-output"

PHONE = {"width": 390, "height": 844}
SCREENSHOTS = TEST_OUTPUT / "screenshots"


def skip_or_fail(reason: str) -> None:
    """Skip locally with a clear reason; in CI a missing prerequisite is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)", pytrace=False)
    pytest.skip(reason)


# --------------------------------------------------------------------------- server


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest) -> Path:
    """The site under test: the `sample_site` build, or SHANGLIANG_SITE_DIR."""
    override = os.environ.get("SHANGLIANG_SITE_DIR")
    if override:
        site = Path(override)
        assert (site / "index.html").is_file(), f"SHANGLIANG_SITE_DIR={site} has no index.html"
        return site
    return request.getfixturevalue("sample_site")


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[RecordingServer]:
    """The built site on a real HTTP server, recording every response it sends (`shangliang.local_site`)."""
    with RecordingServer(built_site) as server:
        yield server


# --------------------------------------------------------------------------- page kinds


def _first(paths: list[Path]) -> Path | None:
    return sorted(paths)[0] if paths else None


_GENERATED_TOP_DIRS = {
    "assets", "brands", "cases", "data", "districts", "feeds", "highlights", "pagefind", "roundups", "search",
    "tags", "venues",
}


def _with_timeline(paths: list[Path]) -> Path | None:
    """A case page whose stages are dated (it shows the timeline), else any case page."""
    dated = [path for path in sorted(paths) if 'class="sl-timeline"' in path.read_text(encoding="utf-8")]
    return dated[0] if dated else _first(paths)


def discover_pages(site: Path) -> dict[str, str]:
    """URL path (relative to the site root) of one page of each kind, found in the build."""

    def rel(index_html: Path | None) -> str | None:
        if index_html is None:
            return None
        parent = index_html.parent.relative_to(site).as_posix()
        return "" if parent == "." else parent + "/"

    about = site / "about" / "index.html"
    if not about.is_file():
        others = [
            path
            for path in site.glob("*/index.html")
            if path.parent.name not in _GENERATED_TOP_DIRS
        ]
        about = _first(others)
    def index(relative: str) -> Path | None:
        path = site / relative / "index.html"
        return path if path.is_file() else None

    pages = {
        "home": rel(site / "index.html"),
        "brand": rel(_first(list(site.glob("brands/*/index.html")))),
        "brands-index": rel(index("brands")),
        "district": rel(_first(list(site.glob("districts/*/index.html")))),
        "districts-index": rel(index("districts")),
        "case": rel(_first(list(site.glob("cases/*/*/index.html")))),
        "case-stages": rel(_with_timeline(list(site.glob("cases/*/*/index.html")))),
        "venue": rel(_first(list(site.glob("venues/*/index.html")))),
        "highlights-year": rel(_first(list(site.glob("highlights/*/index.html")))),
        "highlights-index": rel(index("highlights")),
        "finder": rel(index("cases")),
        "finder-year": rel(max(site.glob("cases/*/index.html"), default=None)),
        "roundup": rel(max(site.glob("roundups/*/index.html"), default=None)),
        "about": rel(about),
        "editor-guide": rel(_first(list(site.glob("about/*/index.html")))),
        "404": "no-such-page-shangliang-test/",
    }
    return pages  # type: ignore[return-value]


PAGE_KINDS = [
    "home",
    "brand",
    "brands-index",
    "district",
    "districts-index",
    "case",
    "case-stages",
    "venue",
    "highlights-year",
    "highlights-index",
    "finder",
    "roundup",
    "about",
    "editor-guide",
    "404",
]


@pytest.fixture(scope="session")
def page_paths(built_site: Path) -> dict[str, str | None]:
    return discover_pages(built_site)


def page_path(page_paths: dict[str, str | None], kind: str) -> str:
    path = page_paths[kind]
    assert path is not None, f"the built site has no {kind} page (looked for it under the site dir)"
    return path


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_path()
    if executable is None:
        skip_or_fail("Chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("playwright is not installed (pip install -e .[test])")
    # Playwright's launch() always gives Chromium a fresh temporary
    # --user-data-dir of its own, removed on close.
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, args=list(CHROMIUM_ARGS), headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class PageRecord:
    """What one page did: its requests, console errors and uncaught exceptions."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        allowed_schemes = {"data", "blob", "about"}
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in allowed_schemes and urlsplit(url).hostname != LOCAL_HOST
        ]


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about"} or parts.hostname == LOCAL_HOST


@pytest.fixture
def new_page(browser):  # type: ignore[no-untyped-def]
    """Factory: a fresh phone-sized context and page, with everything recorded."""
    contexts = []

    def make(*, color_scheme: str = "light", device_scale_factor: float = 1):
        context = browser.new_context(
            viewport=PHONE,
            device_scale_factor=device_scale_factor,
            is_mobile=True,
            has_touch=True,
            locale="zh-CN",
            color_scheme=color_scheme,
        )
        contexts.append(context)
        record = PageRecord()
        # Nothing may leave the machine: abort any foreign request (the test reports it).
        context.route(
            lambda url: not _is_local(url), lambda route: route.abort("blockedbyclient")
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("request", lambda req: record.requests.append(req.url))
        page.on(
            "console",
            lambda msg: record.console_errors.append(f"{msg.text} @ {msg.location.get('url', '')}")
            if msg.type == "error"
            else None,
        )
        page.on("pageerror", lambda error: record.page_errors.append(str(error)))
        return page, record

    yield make
    for context in contexts:
        context.close()


# --------------------------------------------------------------------------- axe


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core, as shipped inside the pinned `axe-playwright-python` wheel."""
    try:
        source = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        skip_or_fail(
            "axe-core is not installed (pip install -e .[test] brings axe-playwright-python)"
        )
    return source


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


# --------------------------------------------------------------------------- metrics

METRICS_FILE = TEST_OUTPUT / "browser-metrics.txt"


def write_metric(line: str) -> None:
    """Print a measured figure (visible with -s) and keep it in test-output/."""
    print(line)
    TEST_OUTPUT.mkdir(parents=True, exist_ok=True)
    with METRICS_FILE.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


@pytest.fixture(scope="session", autouse=True)
def _fresh_metrics_file() -> None:
    if METRICS_FILE.exists():
        METRICS_FILE.unlink()
