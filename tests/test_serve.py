"""`mkdocs serve` keeps previewing when the content has problems, and shows them on the page."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from sites import case, make_site, page, with_minhou

from shangliang.local_site import free_port


def fetch(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_shows_problems_in_terminal_and_preview(tmp_path: Path) -> None:
    site = make_site(tmp_path, with_minhou({
        "cases/2024/good.md": page(case("好案例", "2024-01-02", "minhou"), "正文。"),
        "cases/2024/bad.md": "---\ntitle: 坏案例\ndate: 2024-13-45\ndistrict: minhou\nformat: 微协商\n---\n正文。\n",
        "cases/2024/latin.md": "title: caf\xe9\n".encode("latin-1"),
    }))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=site.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        home = fetch(f"http://127.0.0.1:{port}/", time.monotonic() + 60)
        unreadable = fetch(f"http://127.0.0.1:{port}/cases/2024/latin/", time.monotonic() + 10)
        assert server.poll() is None, "the preview keeps running"
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    problem = (
        "cases/2024/bad.md: date（协商日期）: 不是日期（写的是 &#39;2024-13-45&#39;；"
        "应写成 YYYY-MM-DD、YYYY-MM 或 YYYY）"
    )
    assert 'class="sl-problems"' in home and problem in home
    assert "cases/2024/latin.md: 不是 UTF-8 文本" in unreadable
    assert (
        "cases/2024/bad.md: date（协商日期）: 不是日期（写的是 '2024-13-45'；应写成 YYYY-MM-DD、YYYY-MM 或 YYYY）"
    ) in output
    assert "Traceback" not in output
    assert "好案例" in home
