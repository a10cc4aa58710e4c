"""A roundup page as a PDF: the real site built with MkDocs, printed by headless Chromium.

The site is built into a temporary folder with the project's own configuration (in a
separate Python process, so this module never imports MkDocs; the search index is
switched off for this build), served on 127.0.0.1, and printed on A4 with the site's
print stylesheet. Requests to any other host are refused.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from shangliang.local_site import CHROMIUM_ARGS, LOCAL_HOST, chromium_path, serve

# Runs in a child process: load the configuration as `mkdocs build` does, without search.
_BUILD_PROGRAM = """\
import logging, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
config = load_config(sys.argv[1], site_dir=sys.argv[2])
plugin = config.plugins.get("shangliang")
if plugin is not None:
    plugin.config["search"] = False
config.plugins.on_startup(command="build", dirty=False)
try:
    build(config)
finally:
    config.plugins.on_shutdown()
"""

_FOOTER = (
    '<div style="font-size:8pt;width:100%;padding:0 15mm;color:#000;display:flex;justify-content:space-between;'
    "font-family:'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif\">"
    '<span class="title"></span><span>第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页'
    "</span></div>"
)


class PdfError(Exception):
    """The PDF could not be made; the message says why and what to do."""


def page_to_pdf(config_file: Path, page_path: str, out: Path) -> int:
    """Build the site of `config_file`, print the page at `page_path` (e.g. `roundups/2024/`) to `out`.

    Returns the number of pages written.
    """
    executable = chromium_path()
    if executable is None:
        raise PdfError("Chromium is not installed (apt-get install chromium, or run `make test` once)")
    with tempfile.TemporaryDirectory(prefix="shangliang-pdf-") as folder:
        site_dir = Path(folder) / "site"
        build_site(config_file, site_dir)
        if not (site_dir / page_path / "index.html").is_file():
            raise PdfError(f"the built site has no page /{page_path}")
        with serve(site_dir) as base_url:
            data = print_page(executable, base_url + page_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return count_pages(data)


def build_site(config_file: Path, site_dir: Path) -> None:
    """`mkdocs build` of the project's configuration into `site_dir`, search index switched off."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-c", _BUILD_PROGRAM, str(config_file), str(site_dir)],
        capture_output=True, text=True, env=environment, timeout=1800, check=False,
    )
    if result.returncode != 0:
        output = result.stderr.strip().splitlines()
        lines = [line for line in output if line.startswith(("ERROR", "WARNING"))] or output[-1:]
        raise PdfError("\n".join(["building the site failed (run `mkdocs build` to see why)", *lines]))


def print_page(executable: str, url: str) -> bytes:
    """The page at `url` printed to A4 by headless Chromium (print stylesheet, no backgrounds)."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise PdfError("Playwright is not installed (run `make setup`, or pip install -e .)") from None
    try:
        with sync_playwright() as playwright:
            # launch() gives Chromium a fresh temporary profile of its own, removed on close.
            browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS), headless=True)
            try:
                context = browser.new_context(locale="zh-CN")
                context.route(lambda target: not _is_local(target), lambda route: route.abort("blockedbyclient"))
                page = context.new_page()
                page.goto(url, wait_until="load", timeout=60_000)
                page.evaluate("document.fonts.ready.then(() => true)")
                return page.pdf(
                    format="A4", print_background=False, prefer_css_page_size=True,
                    display_header_footer=True, header_template="<span></span>", footer_template=_FOOTER,
                    margin={"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
                )
            finally:
                browser.close()
    except PlaywrightError as error:
        raise PdfError(f"Chromium could not print {url}: {str(error).splitlines()[0]}") from None


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about"} or parts.hostname == LOCAL_HOST


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def count_pages(pdf: bytes) -> int:
    """Pages of a PDF as Chromium writes it (one `/Type /Page` object each)."""
    return len(_PAGE_OBJECT.findall(pdf))
