"""A built site opened in headless Chromium on this machine: the browser and a local server.

`roundup.py --pdf`, the benchmark and the browser tests all start Debian's Chromium
with the same flags (nothing is ever downloaded; no background traffic) and serve the
built site from a local HTTP server that answers a missing path with the site's own
404 page, as the shipped nginx configuration does.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LOCAL_HOST = "127.0.0.1"

CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
"""Chromium's flags here: headless, and no connection of its own to any other host."""


def chromium_path() -> str | None:
    """Debian's Chromium, or None when it is not installed."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Static files of a built site, quietly; a missing path gets the site's 404 page."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code == HTTPStatus.NOT_FOUND and not_found.is_file() and self.command == "GET":
            body = not_found.read_bytes()
            self.send_response(code)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@contextmanager
def serve(site_dir: Path, handler: type[SiteRequestHandler] = SiteRequestHandler) -> Iterator[str]:
    """The folder on a local HTTP server while the block runs; yields its base URL (ending in `/`)."""
    server = ThreadingHTTPServer((LOCAL_HOST, 0), functools.partial(handler, directory=str(site_dir)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="shangliang-site", daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
