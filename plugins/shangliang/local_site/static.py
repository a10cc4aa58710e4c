"""A built site on a local HTTP server (Python's own), answering a missing path with the site's 404 page.

`serve(site_dir)` is the short form: the folder on 127.0.0.1 while a `with` block runs.
`StaticServer` is the same as an object (`with StaticServer(site_dir) as server:`), and
`RecordingServer` also keeps the path, status and size of every response it sends (the
browser tests count what a page downloads with it). A missing path gets the site's own
`404.html` with status 404, as the shipped nginx configuration does; nothing is logged.
"""

from __future__ import annotations

import functools
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import urlsplit

LOCAL_HOST = "127.0.0.1"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on just now (for a server started next)."""
    with socket.socket() as sock:
        sock.bind((LOCAL_HOST, 0))
        return int(sock.getsockname()[1])


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


class StaticServer:
    """`with StaticServer(site_dir) as server:` — the folder on `server.base_url` (a free port, ending in `/`)."""

    def __init__(self, site_dir: Path, handler: type[SiteRequestHandler] = SiteRequestHandler) -> None:
        self.site_dir = site_dir
        self.handler = handler
        self.port = 0
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://{LOCAL_HOST}:{self.port}/"

    def url(self, path: str = "") -> str:
        """The address of `path` (relative to the site root; a leading `/` is allowed)."""
        return self.base_url + path.lstrip("/")

    def _handler_factory(self) -> Callable[..., SiteRequestHandler]:
        return functools.partial(self.handler, directory=str(self.site_dir))

    def start(self) -> Self:
        httpd = ThreadingHTTPServer((LOCAL_HOST, 0), self._handler_factory())
        httpd.daemon_threads = True
        thread = threading.Thread(target=httpd.serve_forever, name="shangliang-site", daemon=True)
        thread.start()
        self._httpd, self._thread, self.port = httpd, thread, httpd.server_port
        return self

    def stop(self) -> None:
        httpd, thread, self._httpd, self._thread = self._httpd, self._thread, None, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None,
                 ) -> None:  # fmt: skip
        self.stop()


@contextmanager
def serve(site_dir: Path, handler: type[SiteRequestHandler] = SiteRequestHandler) -> Iterator[str]:
    """The folder on a local HTTP server while the block runs; yields its base URL (ending in `/`)."""
    with StaticServer(site_dir, handler) as server:
        yield server.base_url


# --------------------------------------------------------------------------- recording


@dataclass(frozen=True)
class Transfer:
    """One response: the request's path (no query), its status and the size of its body."""

    path: str
    status: int
    bytes: int


class RecordingHandler(SiteRequestHandler):
    """`SiteRequestHandler`, telling its `RecordingServer` of every response with a body length."""

    def __init__(self, *args: Any, recorder: RecordingServer, **kwargs: Any) -> None:
        self.recorder = recorder  # before the base class's __init__, which handles the request
        self._status = 0
        super().__init__(*args, **kwargs)

    def send_response(self, code: int, message: str | None = None) -> None:
        self._status = int(code)
        super().send_response(code, message)

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length":
            self.recorder.record(Transfer(urlsplit(self.path).path, self._status, int(value)))
        super().send_header(keyword, value)


class RecordingServer(StaticServer):
    """A `StaticServer` that keeps a `Transfer` for every response it sends, in order."""

    def __init__(self, site_dir: Path, handler: type[RecordingHandler] = RecordingHandler) -> None:
        super().__init__(site_dir, handler)
        self.recording_handler = handler
        self._transfers: list[Transfer] = []
        self._lock = threading.Lock()

    def _handler_factory(self) -> Callable[..., SiteRequestHandler]:
        return functools.partial(self.recording_handler, directory=str(self.site_dir), recorder=self)

    def record(self, transfer: Transfer) -> None:
        with self._lock:
            self._transfers.append(transfer)

    def reset_transfers(self) -> None:
        """Forget what was sent so far (before the step whose downloads a test counts)."""
        with self._lock:
            self._transfers.clear()

    def snapshot(self) -> list[Transfer]:
        """What was sent since the start or the last `reset_transfers()`."""
        with self._lock:
            return list(self._transfers)
