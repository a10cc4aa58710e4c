"""A built site served on this machine and opened in headless Chromium.

`roundup.py --pdf`, the benchmark and the tests all use this one package: Debian's
Chromium with the same flags (nothing downloaded, no background traffic), a free port,
and the built site on 127.0.0.1 — from Python's HTTP server, which answers a missing
path with the site's 404 page as the shipped nginx configuration does, optionally
recording every response, or from real nginx running the shipped `deploy/nginx.conf`.

- `browser`: `CHROMIUM_ARGS`, `chromium_path()`
- `static`: `LOCAL_HOST`, `free_port()`, `SiteRequestHandler`, `StaticServer`, `serve()`,
  and the recording variant (`RecordingServer`, `RecordingHandler`, `Transfer`)
- `nginx`: `NginxServer`, `server_block()`, `included_files()`, `SHIPPED_CONFIG`, `SHIPPED_HEADERS`,
  `ServerError`

Nothing here imports MkDocs or prints.
"""

from __future__ import annotations

from .browser import CHROMIUM_ARGS, chromium_path
from .nginx import SHIPPED_CONFIG, SHIPPED_HEADERS, NginxServer, ServerError, included_files, server_block
from .static import (
    LOCAL_HOST,
    RecordingHandler,
    RecordingServer,
    SiteRequestHandler,
    StaticServer,
    Transfer,
    free_port,
    serve,
)

__all__ = [
    "CHROMIUM_ARGS",
    "LOCAL_HOST",
    "SHIPPED_CONFIG",
    "SHIPPED_HEADERS",
    "NginxServer",
    "RecordingHandler",
    "RecordingServer",
    "ServerError",
    "SiteRequestHandler",
    "StaticServer",
    "Transfer",
    "chromium_path",
    "free_port",
    "included_files",
    "serve",
    "server_block",
]
