"""The benchmark's reader: a built site served as readers get it, opened in Debian's Chromium.

Served by nginx with `deploy/nginx.conf` when nginx is installed (gzip, as published), else by
Python's server (no gzip); the figures say which.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shangliang.local_site import CHROMIUM_ARGS, NginxServer, StaticServer, chromium_path


class ReaderMissing(Exception):
    """Chromium or Playwright is not installed; the message says how to install it."""


@dataclass(frozen=True)
class Reader:
    browser: Any
    server: NginxServer | StaticServer

    @property
    def server_name(self) -> str:
        return "nginx (deploy/nginx.conf)" if isinstance(self.server, NginxServer) else "python http.server (no gzip)"


@contextmanager
def reading(site_dir: Path, work_dir: Path, extra_args: Sequence[str] = ()) -> Iterator[Reader]:
    """The site served and a headless Chromium; `ReaderMissing` when either cannot run here."""
    executable = chromium_path()
    if executable is None:
        raise ReaderMissing("Chromium not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise ReaderMissing("playwright not installed (pip install -e .[test])") from None
    server: NginxServer | StaticServer
    server = NginxServer(site_dir, work_dir / "nginx") if NginxServer.available() else StaticServer(site_dir)
    with server, sync_playwright() as playwright:
        args = [*CHROMIUM_ARGS, *extra_args]
        browser = playwright.chromium.launch(executable_path=executable, args=args, headless=True)
        try:
            yield Reader(browser, server)
        finally:
            browser.close()


def wait_quiet(page: Any, finished: list[tuple[str, int, float]], *, quiet: float = 0.5, limit: float = 30) -> None:
    """Wait until no response has finished for `quiet` seconds (`finished`: (url, bytes, when))."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)
        last = finished[-1][2] if finished else 0.0
        if time.monotonic() - last >= quiet:
            return
