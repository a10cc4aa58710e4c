"""The shipped `deploy/nginx.conf`, run by real nginx over a built site: headers, 404, directory URLs, a burst.

nginx runs as a foreground child process on a free 127.0.0.1 port, with pid file, logs
and temporary folders under pytest's tmp; only the configuration's `CHANGE` lines
(listen, server_name, root) are replaced (see shangliang.local_site.nginx).
"""

from __future__ import annotations

import gzip
import http.client
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sites import case, make_site, page, with_minhou

from shangliang.local_site import SHIPPED_CONFIG, NginxServer, server_block

YEAR = 31536000


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status, self.headers, self.raw = status, headers, body

    @property
    def body(self) -> bytes:
        return gzip.decompress(self.raw) if self.headers.get("content-encoding") == "gzip" else self.raw


def get(server: NginxServer, path: str, *, gzip_ok: bool = True) -> Response:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
        response = connection.getresponse()
        body = response.read()
        return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, body)
    finally:
        connection.close()


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = make_site(tmp_path_factory.mktemp("nginx-site"), with_minhou({
        "index.md": page({"title": "首页"}, "协商案例。" * 80),
        "cases/2024/x.md": page(case("推进县域电商直播基地建设", "2024-06-18", "minhou", members=8),
                                "闽侯县政协组织委员和商户商量电商直播基地建设。" * 20),
        "cases/2023/y.md": page(case("背街小巷路灯", "2023-03-02", "minhou"), "路灯。" * 50),
    }), search=True)  # fmt: skip
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert list((site.site_dir / "pagefind").glob("fragment/*.pf_fragment")), "the fixture needs Pagefind's files"
    return site.site_dir


@pytest.fixture(scope="module")
def server(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[NginxServer]:
    if not NginxServer.available():
        pytest.skip("nginx is not installed (/usr/sbin/nginx; `make system` installs Debian's package)")
    nginx = NginxServer(site_dir, tmp_path_factory.mktemp("nginx-work"))
    nginx.start()
    try:
        yield nginx
    finally:
        nginx.stop()
    assert nginx.process is not None and nginx.process.returncode is not None, "nginx stopped"
    for level in ("[emerg]", "[alert]", "[crit]"):
        assert level not in nginx.error_log, nginx.error_log


def one(site_dir: Path, pattern: str) -> str:
    matches = sorted(site_dir.glob(pattern))
    assert matches, f"the built site has no {pattern}"
    return "/" + matches[0].relative_to(site_dir).as_posix()


def test_the_shipped_file_marks_what_a_committee_changes() -> None:
    text = SHIPPED_CONFIG.read_text(encoding="utf-8")
    changed = server_block(Path("/srv/site"), 8123)
    assert "listen 127.0.0.1:8123;" in changed and 'root "/srv/site";' in changed
    assert "root /var/www/shangliang/site;" in text and "cases.example.org" in text
    assert changed.count("\n") == text.count("\n"), "only the CHANGE lines differ"


def test_html_is_utf8_gzipped_and_revalidated(server: NginxServer, site_dir: Path) -> None:
    response = get(server, "/")
    assert response.status == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers.get("content-encoding") == "gzip"
    assert response.headers["cache-control"] == "no-cache"
    assert response.body == (site_dir / "index.html").read_bytes()
    assert get(server, "/", gzip_ok=False).headers.get("content-encoding") is None


@pytest.mark.parametrize("kind, pattern, content_type", [
    ("Material's CSS", "assets/stylesheets/main.*.min.css", "text/css"),
    ("Material's JavaScript", "assets/javascripts/bundle.*.min.js", "application/javascript"),
    ("the site's own JavaScript", "assets/shangliang/search.js", "application/javascript"),
    ("open data JSON", "data/cases.json", "application/json"),
])  # fmt: skip
def test_text_assets_are_utf8_and_gzipped(
    server: NginxServer, site_dir: Path, kind: str, pattern: str, content_type: str
) -> None:
    path = one(site_dir, pattern)
    response = get(server, path)
    assert response.status == 200, kind
    assert response.headers["content-type"] == f"{content_type}; charset=utf-8", kind
    assert response.headers.get("content-encoding") == "gzip", kind
    assert response.body == (site_dir / path.lstrip("/")).read_bytes(), kind


def test_fingerprinted_assets_are_cached_for_a_year_the_rest_briefly(server: NginxServer, site_dir: Path) -> None:
    for pattern in ("assets/stylesheets/main.*.min.css", "assets/javascripts/bundle.*.min.js",
                    "pagefind/fragment/*.pf_fragment", "pagefind/index/*.pf_index", "pagefind/*.pf_meta"):  # fmt: skip
        cache = get(server, one(site_dir, pattern)).headers["cache-control"]
        assert cache == f"public, max-age={YEAR}, immutable", pattern
    for path in ("/pagefind/pagefind.js", "/pagefind/pagefind-entry.json", one(site_dir, "pagefind/wasm.*.pagefind")):
        assert get(server, path).headers["cache-control"] == "no-cache", path
    assert get(server, "/assets/shangliang/search.js").headers["cache-control"] == "public, max-age=300"


def test_pagefind_files_are_served_as_they_are(server: NginxServer, site_dir: Path) -> None:
    for pattern in ("pagefind/fragment/*.pf_fragment", "pagefind/*.pf_meta", "pagefind/wasm.*.pagefind"):
        path = one(site_dir, pattern)
        response = get(server, path)
        assert response.status == 200, path
        assert response.headers["content-type"] == "application/octet-stream", path
        assert "content-encoding" not in response.headers, f"{path}: Pagefind compresses its files itself"
        assert response.raw == (site_dir / path.lstrip("/")).read_bytes(), path


def test_a_missing_page_gets_404_and_the_sites_chinese_404_page(server: NginxServer, site_dir: Path) -> None:
    for path in ("/no/such/page/", "/cases/2024/nope/", "/cases/"):
        response = get(server, path)
        assert response.status == 404, path
        assert response.headers["content-type"] == "text/html; charset=utf-8", path
        assert response.body == (site_dir / "404.html").read_bytes(), path
        assert "没有找到这个页面" in response.body.decode("utf-8"), path


def test_directory_urls(server: NginxServer, site_dir: Path) -> None:
    page_ = get(server, "/cases/2024/x/")
    assert page_.status == 200
    assert "推进县域电商直播基地建设" in page_.body.decode("utf-8")
    redirect = get(server, "/cases/2024/x")
    assert redirect.status == 301
    assert redirect.headers["location"] == "/cases/2024/x/"


def test_a_burst_of_concurrent_requests_is_answered_without_error(server: NginxServer, site_dir: Path) -> None:
    paths = ["/", "/cases/2024/x/", "/districts/minhou/", one(site_dir, "assets/stylesheets/main.*.min.css"),
             "/pagefind/pagefind.js", one(site_dir, "pagefind/fragment/*.pf_fragment")]  # fmt: skip
    expected = {path: len(get(server, path).raw) for path in paths}
    requests = [paths[number % len(paths)] for number in range(200)]
    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(lambda path: (path, get(server, path)), requests))
    assert len(responses) == 200
    assert [path for path, response in responses if response.status != 200] == []
    assert [path for path, response in responses if len(response.raw) != expected[path]] == []
    assert server.process is not None and server.process.poll() is None, "nginx still running"


def test_runs_as_the_current_user(server: NginxServer) -> None:
    """As root, nginx's workers would otherwise drop to `nobody` and lose access to the files."""
    workers = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"PPid:\t{server.process.pid}\n" in status:  # type: ignore[union-attr]
                workers.append(int(status.split("Uid:\t", 1)[1].split()[0]))
    assert workers and set(workers) == {os.geteuid()}
