"""The site's Content-Security-Policy, made from the pages the build wrote.

Readers' pages run only the site's own scripts: files from the site itself, and the
few inline scripts the theme writes into every page, allowed by their SHA-256 hashes.
Those hashes are taken from the theme's own pages (the 404 page, which holds nothing
from any content file), never from a page's content: an inline script anyone manages
to slip into a page is not in the list, and does not run. Pagefind's
search compiles WebAssembly (`'wasm-unsafe-eval'`). Styles may be inline (Material's
markup carries `style` attributes); images come from the site or are `data:` URLs (the
theme's icons); nothing is loaded from any other host.

The policy goes into every page as `<meta http-equiv>` (with the hashes of that page's
own inline scripts), and, for the web server, into one file with every hash of the site
(`deploy/nginx.conf` includes it): `frame-ancestors` works only there.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_HEAD = re.compile(r"<head[^>]*>(?:\s*<meta charset=[^>]*>)?", re.I)

NGINX_FILE = "nginx-csp.conf"
"""Written into the site folder: the `add_header` line nginx includes (see deploy/nginx.conf)."""

_FIXED = (
    ("default-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


def inline_script_hashes(page_html: str) -> set[str]:
    """`'sha256-…'` of every inline script a page runs (JSON data blocks do not run)."""
    hashes = set()
    for match in _INLINE_SCRIPT.finditer(page_html):
        attrs = match.group("attrs")
        if re.search(r"\ssrc\s*=", attrs, re.I) or re.search(r"type\s*=\s*[\"']?application/(ld\+)?json", attrs, re.I):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return hashes


def policy(hashes: set[str], *, for_header: bool = False) -> str:
    """The policy allowing the site's own scripts and these inline ones; `for_header` adds what
    only a header can say (`frame-ancestors`)."""
    script_src = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(hashes)])
    directives = [*_FIXED, ("script-src", script_src)]
    if for_header:
        directives.append(("frame-ancestors", "'none'"))
    return "; ".join(f"{name} {value}" for name, value in directives)


def with_policy_meta(page_html: str, trusted: set[str]) -> str:
    """The page with the policy allowing `trusted` inline scripts first in `<head>` (after the character
    set), so that it applies to everything that follows."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(trusted)}">'
    return _HEAD.sub(lambda match: match.group() + meta, page_html, count=1)


def nginx_include(hashes: set[str]) -> str:
    """The nginx line sending the site's policy (every page's inline scripts allowed)."""
    return f'add_header Content-Security-Policy "{policy(hashes, for_header=True)}" always;\n'
