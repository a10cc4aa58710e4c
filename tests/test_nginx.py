"""The shipped `deploy/nginx.conf`, run by real nginx over a built site: headers, 404, directory URLs, a burst,
the security headers of `deploy/snippets/shangliang-security-headers.conf` on every response, HTTPS with HSTS.

nginx runs as a foreground child process on a free 127.0.0.1 port, with pid file, logs
and temporary folders under pytest's tmp; only the configuration's `CHANGE` lines
(listen, server_name, root; in the snippet, the include of the site's nginx-csp.conf)
are replaced (see shangliang.local_site.nginx). The HTTPS tests use a self-signed
certificate made with the `openssl` command (skipped without it).
"""

from __future__ import annotations

import gzip
import html
import http.client
import os
import re
import shutil
import ssl
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sites import case, make_site, page, with_minhou

from shangliang.local_site import (
    SHIPPED_CONFIG,
    SHIPPED_HEADERS,
    NginxServer,
    ServerError,
    free_port,
    included_files,
    server_block,
)

YEAR = 31536000
HEADERS_INCLUDE = "include snippets/shangliang-security-headers.conf;"


class Response:
    def __init__(self, status: int, header_list: list[tuple[str, str]], body: bytes) -> None:
        self.status, self.raw = status, body
        self.header_list = [(name.lower(), value) for name, value in header_list]
        self.headers = dict(self.header_list)

    @property
    def body(self) -> bytes:
        return gzip.decompress(self.raw) if self.headers.get("content-encoding") == "gzip" else self.raw

    def all(self, name: str) -> list[str]:
        """Every value of header `name` (a header sent twice shows twice)."""
        return [value for key, value in self.header_list if key == name]


def get(server: NginxServer, path: str, *, gzip_ok: bool = True, tls: ssl.SSLContext | None = None) -> Response:
    connection: http.client.HTTPConnection
    if tls is None:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    else:
        connection = http.client.HTTPSConnection("127.0.0.1", server.port, timeout=10, context=tls)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
        response = connection.getresponse()
        body = response.read()
        return Response(response.status, response.getheaders(), body)
    finally:
        connection.close()


def start_nginx(site_dir: Path, work_dir: Path, config: Path = SHIPPED_CONFIG) -> NginxServer:
    if not NginxServer.available():
        pytest.skip("nginx is not installed (/usr/sbin/nginx; `make system` installs Debian's package)")
    return NginxServer(site_dir, work_dir, config=config).start()


def assert_clean_log(nginx: NginxServer) -> None:
    for level in ("[emerg]", "[alert]", "[crit]"):
        assert level not in nginx.error_log, nginx.error_log


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
    nginx = start_nginx(site_dir, tmp_path_factory.mktemp("nginx-work"))
    try:
        yield nginx
    finally:
        nginx.stop()
    assert nginx.process is not None and nginx.process.returncode is not None, "nginx stopped"
    assert_clean_log(nginx)


def one(site_dir: Path, pattern: str) -> str:
    matches = sorted(site_dir.glob(pattern))
    assert matches, f"the built site has no {pattern}"
    return "/" + matches[0].relative_to(site_dir).as_posix()


def test_the_shipped_file_marks_what_a_committee_changes(tmp_path: Path) -> None:
    text = SHIPPED_CONFIG.read_text(encoding="utf-8")
    changed = server_block(Path("/srv/site"), 8123)
    assert "listen 127.0.0.1:8123;" in changed and 'root "/srv/site";' in changed
    assert "root /var/www/shangliang/site;" in text and "cases.example.org" in text
    assert changed.count("\n") == text.count("\n"), "only the CHANGE lines differ"
    differing = [old for old, new in zip(text.splitlines(), changed.splitlines(), strict=True) if old != new]
    assert len(differing) == 3 and all("# CHANGE" in line for line in differing), differing

    # The shared headers: one CHANGE line, the include of the build's policy from the site folder.
    snippet = SHIPPED_HEADERS.read_text(encoding="utf-8")
    assert "include /var/www/shangliang/site/nginx-csp.conf;" in snippet
    (tmp_path / "nginx-csp.conf").write_text('add_header Content-Security-Policy "x" always;\n', encoding="utf-8")
    files = included_files(tmp_path)
    assert list(files) == ["snippets/shangliang-security-headers.conf"]
    differing = [old for old, new in zip(snippet.splitlines(), next(iter(files.values())).splitlines(), strict=True)
                 if old != new]  # fmt: skip
    assert len(differing) == 1 and "# CHANGE" in differing[0], differing
    assert f'include "{tmp_path.resolve()}/nginx-csp.conf";' in files["snippets/shangliang-security-headers.conf"]


def test_a_listen_line_keeps_its_parameters(tmp_path: Path) -> None:
    config = tmp_path / "nginx.conf"
    config.write_text(SHIPPED_CONFIG.read_text(encoding="utf-8").replace("listen 80;", "listen 443 ssl;", 1))
    assert "    listen 127.0.0.1:8123 ssl;  " in server_block(Path("/srv/site"), 8123, config)


def test_a_site_without_its_policy_file_is_refused_clearly(tmp_path: Path) -> None:
    """nginx itself would refuse to start (`include` of a missing file); this says why, before it tries."""
    with pytest.raises(ServerError, match=r"nginx-csp\.conf .*does not exist"):
        included_files(tmp_path)


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
    for path in ("/no/such/page/", "/cases/2024/nope/", "/assets/stylesheets/"):
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


# --------------------------------------------------------------------------- security headers

META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def response_kinds(site_dir: Path) -> dict[str, tuple[str, int]]:
    """One path of each kind of response (what it is -> path, status), each location of nginx.conf included."""
    return {
        "home page": ("/", 200),
        "case page": ("/cases/2024/x/", 200),
        "Material's CSS": (one(site_dir, "assets/stylesheets/main.*.min.css"), 200),
        "Material's JavaScript": (one(site_dir, "assets/javascripts/bundle.*.min.js"), 200),
        "the site's own JavaScript": ("/assets/shangliang/search.js", 200),
        "a Pagefind fragment": (one(site_dir, "pagefind/fragment/*.pf_fragment"), 200),
        "Pagefind's WebAssembly": (one(site_dir, "pagefind/wasm.*.pagefind"), 200),
        "pagefind.js": ("/pagefind/pagefind.js", 200),
        "open data CSV": ("/data/cases.csv", 200),
        "the 404 page": ("/no/such/page/", 404),
        "a folder without a page (403 -> 404)": ("/assets/stylesheets/", 404),
        "a redirect (/x -> /x/)": ("/cases/2024/x", 301),
        "the policy file (not served)": ("/nginx-csp.conf", 404),
    }


def assert_security_headers(response: Response, what: str, *, https: bool = False) -> None:
    assert response.all("x-content-type-options") == ["nosniff"], what
    assert response.all("referrer-policy") == ["strict-origin-when-cross-origin"], what
    assert response.all("x-frame-options") == ["DENY"], what
    [csp] = response.all("content-security-policy") or [""]
    assert len(response.all("content-security-policy")) == 1, what
    directives = dict(directive.strip().split(" ", 1) for directive in csp.split(";"))
    assert directives.get("frame-ancestors") == "'none'", what
    assert "'wasm-unsafe-eval'" in directives.get("script-src", "").split(), what
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
    assert response.all("strict-transport-security") == (["max-age=31536000"] if https else []), what


def test_every_response_carries_the_security_headers(server: NginxServer, site_dir: Path) -> None:
    for what, (path, status) in response_kinds(site_dir).items():
        response = get(server, path)
        assert response.status == status, what
        assert_security_headers(response, what)


def header_policy(response: Response) -> str:
    return response.headers["content-security-policy"]


def meta_policy(page_html: bytes) -> str:
    match = META_CSP.search(page_html.decode("utf-8"))
    assert match, "the page carries no <meta http-equiv=Content-Security-Policy>"
    return html.unescape(match.group(1))


def test_the_header_policy_is_the_pages_meta_policy_plus_frame_ancestors(server: NginxServer, site_dir: Path) -> None:
    for path in ("/", "/cases/2024/x/", "/no/such/page/"):
        response = get(server, path)
        assert header_policy(response) == meta_policy(response.body) + "; frame-ancestors 'none'", path
    written = (site_dir / "nginx-csp.conf").read_text(encoding="utf-8")
    assert written == f'add_header Content-Security-Policy "{header_policy(get(server, "/"))}" always;\n'


def test_the_policy_file_is_not_served(server: NginxServer, site_dir: Path) -> None:
    for path in ("/nginx-csp.conf", "/nginx-csp.conf?x=1", "//nginx-csp.conf", "/nginx%2Dcsp.conf",
                 "/./nginx-csp.conf"):  # fmt: skip
        response = get(server, path)
        assert response.status == 404, path
        assert response.body == (site_dir / "404.html").read_bytes(), path
        assert b"add_header" not in response.body, path


Statement = tuple[list[str], "list[Statement] | None"]  # its words, and its block's statements (or None)
TOKEN = re.compile(r"""#[^\n]*|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|[{};]|[^\s{};"'#]+""")


def parse(text: str) -> list[Statement]:
    """nginx configuration text as statements, blocks nested (comments dropped, quotes removed)."""
    tokens = iter(token for token in TOKEN.findall(text) if not token.startswith("#"))

    def block() -> list[Statement]:
        statements: list[Statement] = []
        words: list[str] = []
        for token in tokens:
            if token in ("{", ";"):
                statements.append((words, block() if token == "{" else None))
                words = []
            elif token == "}":
                return statements
            else:
                words.append(token[1:-1] if token[0] in "\"'" else token)
        return statements

    return block()


def blocks(statements: list[Statement], name: str) -> list[Statement]:
    """Every `name … { }` block among `statements`, at any depth."""
    found = []
    for words, children in statements:
        if children is not None:
            if words[0] == name:
                found.append((words, children))
            found.extend(blocks(children, name))
    return found


def directives(statements: list[Statement], name: str) -> list[list[str]]:
    """The arguments of each `name …;` directly among `statements`."""
    return [words[1:] for words, children in statements if children is None and words[0] == name]


def locations_without_headers(text: str) -> list[str]:
    """The `location` blocks of nginx configuration `text` that do not include the shared headers."""
    include = HEADERS_INCLUDE.split()[1].rstrip(";")
    [(_, server_body)] = blocks(parse(text), "server")
    locations = blocks(server_body or [], "location")
    assert len(locations) >= 8, [words for words, _ in locations]
    return [" ".join(words) for words, body in locations if [include] not in directives(body or [], "include")]


def test_every_location_of_the_shipped_file_includes_the_shared_headers() -> None:
    text = SHIPPED_CONFIG.read_text(encoding="utf-8")
    include = HEADERS_INCLUDE.split()[1].rstrip(";")
    missing = locations_without_headers(text)
    assert missing == [], f"these locations drop the security headers (nginx add_header inheritance): {missing}"
    [(_, server_body)] = blocks(parse(text), "server")
    assert server_body is not None
    assert [include] in directives(server_body, "include"), "the server level includes them too"
    assert directives(server_body, "add_header") == [], "a server-level add_header vanishes in every location"
    # The commented plain-HTTP redirect block (for sites on HTTPS) includes them too.
    commented = re.sub(r"(?m)^# ?", "", text.split("\n# server {\n", 1)[1])
    assert [include] in directives(parse("server {\n" + commented)[0][1] or [], "include")

    snippet = parse(SHIPPED_HEADERS.read_text(encoding="utf-8"))
    add_headers = directives(snippet, "add_header")
    assert sorted(arguments[0] for arguments in add_headers) == [
        "Referrer-Policy", "Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options"]  # fmt: skip
    assert all(arguments[-1] == "always" for arguments in add_headers), "`always`: the 404 page gets them too"
    assert [Path(arguments[0]).name for arguments in directives(snippet, "include")] == ["nginx-csp.conf"]
    assert {words[0] for words, _ in snippet} == {"add_header", "include"}


def modified_config(tmp_path: Path, *, config: str | None = None, headers: str | None = None) -> Path:
    """A copy of the shipped files (nginx.conf, snippets/…) in `tmp_path`, with new text for either."""
    folder = tmp_path / "deploy"
    (folder / "snippets").mkdir(parents=True)
    (folder / "nginx.conf").write_text(config or SHIPPED_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "snippets" / SHIPPED_HEADERS.name).write_text(
        headers or SHIPPED_HEADERS.read_text(encoding="utf-8"), encoding="utf-8")  # fmt: skip
    return folder / "nginx.conf"


def test_a_header_added_to_the_shared_include_reaches_every_response(site_dir: Path, tmp_path: Path) -> None:
    headers = SHIPPED_HEADERS.read_text(encoding="utf-8") + 'add_header Permissions-Policy "camera=()" always;\n'
    nginx = start_nginx(site_dir, tmp_path / "work", modified_config(tmp_path, headers=headers))
    try:
        for what, (path, status) in response_kinds(site_dir).items():
            response = get(nginx, path)
            assert response.status == status, what
            assert response.all("permissions-policy") == ["camera=()"], what
            assert_security_headers(response, what)
    finally:
        nginx.stop()
    assert_clean_log(nginx)


def test_a_location_without_the_include_would_lose_every_header(site_dir: Path, tmp_path: Path) -> None:
    """Why every location includes the file: one with an add_header of its own and no include sends none of them,
    although the server level still includes it (this is what the check of the file above guards against)."""
    shipped = SHIPPED_CONFIG.read_text(encoding="utf-8")
    config = shipped.replace("location / {\n        " + HEADERS_INCLUDE + "\n", "location / {\n", 1)
    assert locations_without_headers(config) == ["location /"], "the check of the file above sees it"
    nginx = start_nginx(site_dir, tmp_path / "work", modified_config(tmp_path, config=config))
    try:
        page_ = get(nginx, "/")
        assert page_.status == 200 and page_.headers["cache-control"] == "no-cache"
        assert "x-content-type-options" not in page_.headers and "content-security-policy" not in page_.headers
        assert_security_headers(get(nginx, "/assets/shangliang/search.js"), "another location, still including it")
    finally:
        nginx.stop()


def test_a_changed_policy_reaches_readers_after_nginx_reloads(site_dir: Path, tmp_path: Path) -> None:
    """A new build (say, after a theme upgrade) writes another nginx-csp.conf: nginx sends it only once reloaded."""
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    nginx = start_nginx(site, tmp_path / "work")
    try:
        before = header_policy(get(nginx, "/"))
        policy_file = site / "nginx-csp.conf"
        new_hash = "'sha256-bmV3IHRoZW1lIHNjcmlwdA=='"
        text = policy_file.read_text(encoding="utf-8")
        policy_file.write_text(text.replace("'wasm-unsafe-eval'", f"'wasm-unsafe-eval' {new_hash}"), encoding="utf-8")
        assert header_policy(get(nginx, "/")) == before, "nginx read the file at start"
        nginx.reload()
        deadline = time.monotonic() + 15
        while (now := header_policy(get(nginx, "/"))) == before and time.monotonic() < deadline:
            time.sleep(0.05)
        assert new_hash in now.split()
    finally:
        nginx.stop()
    assert_clean_log(nginx)


# --------------------------------------------------------------------------- HTTPS

SSL_LINES = re.compile(
    r"(?m)^(?P<indent>[ \t]*)#[ \t]*(?P<name>ssl_certificate(?:_key)?)[ \t]+[^;]+;(?P<rest>.*# HTTPS.*)$")


def test_the_shipped_file_has_the_https_lines() -> None:
    """What an administrator turns on for HTTPS (the test below runs it, when openssl is there)."""
    text = SHIPPED_CONFIG.read_text(encoding="utf-8")
    assert [match["name"] for match in SSL_LINES.finditer(text)] == ["ssl_certificate", "ssl_certificate_key"]
    assert re.search(r'(?m)^map \$https \$shangliang_hsts \{\n\s+on\s+"max-age=31536000";\n\s+default\s+"";\n\}', text)
    hsts = "add_header Strict-Transport-Security $shangliang_hsts always;"
    assert hsts in SHIPPED_HEADERS.read_text(encoding="utf-8")
    assert "listen 443 ssl;" in text.split("\n    listen 80;", 1)[1].split("\n", 1)[0], "the listen line says how"


def https_config(certificate: Path, key: Path, redirect_port: int) -> str:
    """The shipped file as an administrator turns HTTPS on: `listen 443 ssl;`, the two certificate lines
    uncommented, and the plain-HTTP redirect block at the end uncommented (here on `redirect_port`)."""
    text = SHIPPED_CONFIG.read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^(\s*)listen 80;(\s*# CHANGE)", r"\1listen 443 ssl;\2", text)
    assert count == 1
    files = {"ssl_certificate": certificate, "ssl_certificate_key": key}
    text, count = SSL_LINES.subn(lambda m: f"{m['indent']}{m['name']} {files[m['name']]};{m['rest']}", text)
    assert count == 2
    head, redirect = text.split("\n# server {\n", 1)
    redirect = "server {\n" + re.sub(r"(?m)^# ?", "", redirect)
    redirect, count = re.subn(r"(?m)^(\s*)listen 80;", rf"\g<1>listen 127.0.0.1:{redirect_port};", redirect)
    assert count == 1 and redirect.rstrip().endswith("}")
    return head + "\n" + redirect


@pytest.fixture(scope="module")
def https_server(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[NginxServer, int, Path]]:
    """The shipped configuration with HTTPS turned on, a self-signed certificate for 127.0.0.1:
    (nginx, the port of the plain-HTTP redirect block, the certificate)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is not installed (test_the_shipped_file_has_the_https_lines still runs)")
    folder = tmp_path_factory.mktemp("nginx-https")
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
                   check=True, capture_output=True, timeout=60)  # fmt: skip
    redirect_port = free_port()
    config = modified_config(folder, config=https_config(certificate, key, redirect_port))
    nginx = start_nginx(site_dir, folder / "work", config)
    try:
        yield nginx, redirect_port, certificate
    finally:
        nginx.stop()
    assert_clean_log(nginx)


@pytest.fixture(scope="module")
def tls(https_server: tuple[NginxServer, int, Path]) -> ssl.SSLContext:
    """A client trusting the test certificate only (the host name checked too)."""
    return ssl.create_default_context(cafile=str(https_server[2]))


def test_https_sends_hsts_and_the_security_headers_on_every_response(
    https_server: tuple[NginxServer, int, Path], tls: ssl.SSLContext, site_dir: Path
) -> None:
    server, _, _ = https_server
    for what, (path, status) in response_kinds(site_dir).items():
        response = get(server, path, tls=tls)
        assert response.status == status, what
        assert_security_headers(response, what, https=True)
    assert get(server, "/cases/2024/x", tls=tls).headers["location"] == "/cases/2024/x/"
    assert get(server, "/", tls=tls).body == (site_dir / "index.html").read_bytes()


def test_plain_http_is_sent_to_https_without_hsts(https_server: tuple[NginxServer, int, Path]) -> None:
    _, redirect_port, _ = https_server
    connection = http.client.HTTPConnection("127.0.0.1", redirect_port, timeout=10)
    try:
        connection.request("GET", "/cases/2024/x/?q=1")
        raw = connection.getresponse()
        response = Response(raw.status, raw.getheaders(), raw.read())
    finally:
        connection.close()
    assert response.status == 301
    assert response.headers["location"] == "https://127.0.0.1/cases/2024/x/?q=1"
    assert_security_headers(response, "the redirect to HTTPS")  # no HSTS: plain HTTP
