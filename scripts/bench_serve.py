"""Serve a built site on 127.0.0.1: real nginx with the shipped `deploy/nginx.conf`, or Python.

`NginxServer` runs Debian's nginx in the foreground as a child process, with its pid
file, logs and temporary folders in a private work folder, using `deploy/nginx.conf`
with only its lines marked `CHANGE` (listen, server_name, root) replaced. The benchmark
measures the search download through it; tests/test_nginx.py checks the configuration
with it. `PythonServer` is the fallback when nginx is not installed.
"""

from __future__ import annotations

import functools
import os
import re
import socket
import subprocess
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

from shangliang.local_site import SiteRequestHandler

REPO = Path(__file__).resolve().parent.parent
SHIPPED_CONFIG = REPO / "deploy" / "nginx.conf"
NGINX = Path("/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")


class ServerError(Exception):
    """The server could not be configured or started."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_block(site_dir: Path, port: int, shipped: Path = SHIPPED_CONFIG) -> str:
    """The shipped server block with its `CHANGE` lines pointing at `site_dir` on 127.0.0.1:`port`."""
    text = shipped.read_text(encoding="utf-8")
    replacements = {
        r"listen\s+[^;]+;": f"listen 127.0.0.1:{port};",
        r"server_name\s+[^;]+;": "server_name 127.0.0.1;",
        r"root\s+[^;]+;": f'root "{site_dir.resolve()}";',
    }
    for directive, replacement in replacements.items():
        pattern = re.compile(rf"(?m)^(\s*){directive}(.*#\s*CHANGE\b.*)$")
        text, count = pattern.subn(rf"\g<1>{replacement.replace(chr(92), chr(92) * 2)}\g<2>", text)
        if count != 1:
            name = directive.split("\\")[0]
            raise ServerError(f"{shipped}: expected one `{name} …;  # CHANGE` line, found {count}")
    return text


def main_config(work_dir: Path, server_file: Path) -> str:
    """A minimal nginx.conf around the server block, everything nginx writes kept in `work_dir`."""
    temp = work_dir / "temp"
    run_as_root = "user root;\n" if os.geteuid() == 0 else ""  # workers must read files only root can reach
    temp_paths = "\n".join(
        f"    {name}_temp_path {temp / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{run_as_root}worker_processes 2;\n"
        f"pid {work_dir / 'nginx.pid'};\n"
        f"error_log {work_dir / 'error.log'} warn;\n"
        "events { worker_connections 512; }\n"
        "http {\n"
        f"    include {MIME_TYPES};\n"
        "    default_type application/octet-stream;\n"
        "    sendfile on;\n"
        f"    access_log {work_dir / 'access.log'};\n"
        f"{temp_paths}\n"
        f"    include {server_file};\n"
        "}\n"
    )


class NginxServer:
    """`with NginxServer(site_dir, work_dir) as server:` — real nginx on `server.base_url`."""

    def __init__(self, site_dir: Path, work_dir: Path, *, shipped: Path = SHIPPED_CONFIG) -> None:
        self.site_dir = site_dir
        self.work_dir = work_dir
        self.shipped = shipped
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @staticmethod
    def available() -> bool:
        return NGINX.is_file() and os.access(NGINX, os.X_OK) and MIME_TYPES.is_file()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def error_log(self) -> str:
        path = self.work_dir / "error.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def start(self) -> NginxServer:
        self.work_dir.mkdir(parents=True, exist_ok=True)
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.work_dir / "temp" / name).mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        server_file = self.work_dir / "server.conf"
        server_file.write_text(server_block(self.site_dir, self.port, self.shipped), encoding="utf-8")
        config = self.work_dir / "nginx.conf"
        config.write_text(main_config(self.work_dir, server_file), encoding="utf-8")
        command = [str(NGINX), "-p", str(self.work_dir), "-e", str(self.work_dir / "error.log"), "-c", str(config)]
        test = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True, timeout=30)
        if test.returncode != 0:
            raise ServerError(f"nginx -t rejected the configuration:\n{test.stderr}{self.error_log}")
        self.process = subprocess.Popen(
            [*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"nginx exited at start:\n{self.error_log}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise ServerError(f"nginx did not listen on 127.0.0.1:{self.port} within 15 s:\n{self.error_log}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()  # SIGTERM: fast shutdown of the master and its workers
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        if self.process.stderr is not None:
            self.process.stderr.close()

    def __enter__(self) -> NginxServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None,
                 ) -> None:  # fmt: skip
        self.stop()


class PythonServer:
    """Python's threading HTTP server over `site_dir` (no compression): the fallback."""

    def __init__(self, site_dir: Path) -> None:
        handler = functools.partial(SiteRequestHandler, directory=str(site_dir))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="bench-site", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}"

    def __enter__(self) -> PythonServer:
        self.thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None,
                 ) -> None:  # fmt: skip
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
