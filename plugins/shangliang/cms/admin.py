"""The web form's page, `/admin/`: its HTML, its Content-Security-Policy, and the folder it lives in.

The page is ours, not the theme's: it loads Decap CMS from the site itself (copied from
`cms/node_modules`, never from a CDN), then js-yaml and the page's own script, and reads
`config.yml` beside it. Its policy lets scripts come from the site only, and lets the page talk
to the site, to decap-server on 127.0.0.1 and to the team's Git forge, when one is configured,
and nowhere else. Decap checks its configuration with code it compiles at run time (AJV), so
this page, unlike the readers' pages, allows `'unsafe-eval'`: it runs no inline script, and
nothing on it comes from a reader. (`mkdocs serve` adds an inline live-reload script to every
page; the policy blocks it here, so a save does not reload the form.)
"""

from __future__ import annotations

import html
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from shangliang.cms.install import DecapInstall

ADMIN_FOLDER = "admin"
"""The page's folder in the site: `/admin/`."""
CONFIG_FILE = "config.yml"

_PAGE = """\
<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>网页编辑 · {site_name}</title>
<link href="{config}" type="text/yaml" rel="cms-config-url">
<link href="shangliang-cms.css" rel="stylesheet">
<link href="data:," rel="icon">
</head>
<body>
<noscript>网页编辑需要浏览器开启 JavaScript。</noscript>
<script src="decap-cms.js"></script>
<script src="js-yaml.min.js"></script>
<script src="shangliang-cms.js"></script>
</body>
</html>
"""


def origins_of(backend: Mapping[str, Any]) -> list[str]:
    """The `scheme://host[:port]` of every address in a Decap backend section (`base_url`, `api_root`…)."""
    found: list[str] = []
    for value in backend.values():
        if isinstance(value, str):
            parts = urlsplit(value)
            if parts.scheme in ("http", "https") and parts.netloc:
                origin = f"{parts.scheme}://{parts.netloc}"
                if origin not in found:
                    found.append(origin)
    return found


def admin_policy(connect: Iterable[str] = ()) -> str:
    """The admin page's policy; `connect` are the other origins it may talk to (decap-server, a forge)."""
    others = " ".join(dict.fromkeys(connect))
    directives = (
        ("default-src", "'self'"),
        ("script-src", "'self' 'unsafe-eval' 'wasm-unsafe-eval'"),
        ("style-src", "'self' 'unsafe-inline'"),
        ("img-src", f"'self' data: blob: {others}".strip()),
        ("font-src", "'self' data:"),
        ("connect-src", f"'self' blob: {others}".strip()),
        ("frame-src", "'self' blob:"),
        ("worker-src", "'self' blob:"),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", "'self'"),
    )
    return "; ".join(f"{name} {value}" for name, value in directives)


def admin_page(*, site_name: str, policy: str) -> str:
    """`admin/index.html`; the site's name is escaped."""
    return _PAGE.format(policy=html.escape(policy), site_name=html.escape(site_name), config=CONFIG_FILE)


def write_admin(site_dir: Path, *, install: DecapInstall, config_text: str, page: str) -> Path:
    """Write `/admin/` into the built site: the page, its config and the scripts; return the folder.

    Scripts are copied only when they differ from what is there (a preview writes the folder after
    every rebuild).
    """
    install.check()
    folder = Path(site_dir) / ADMIN_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for source in install.admin_assets():
        _copy_if_changed(source, folder / source.name)
    (folder / CONFIG_FILE).write_text(config_text, encoding="utf-8")
    (folder / "index.html").write_text(page, encoding="utf-8")
    return folder


def _copy_if_changed(source: Path, target: Path) -> None:
    if target.is_file():
        here, there = source.stat(), target.stat()
        if here.st_size == there.st_size and int(here.st_mtime) == int(there.st_mtime):
            return
    shutil.copy2(source, target)
