"""Debian's Chromium, as `roundup.py --pdf`, the benchmark and the browser tests start it.

Nothing is ever downloaded: the browser is the system's own. Its flags make it headless
and keep it from opening any connection of its own (updates, sync, QUIC, background
traffic), so the only requests are the page's, which callers keep on 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

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
