"""The built site served by real nginx with the shipped `deploy/nginx.conf`, on 127.0.0.1.

`NginxServer` runs Debian's nginx in the foreground as a child process, with its pid
file, logs and temporary folders in a private work folder, using the repository's
`deploy/nginx.conf` (or another file given as `config`) with only its lines marked
`CHANGE` (listen, server_name, root) replaced. The benchmark measures the search
download through it; tests/test_nginx.py checks the configuration with it. Where nginx
is not installed (`NginxServer.available()` is false), `StaticServer` is the fallback.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

from .static import LOCAL_HOST, free_port

PACKAGE = Path(__file__).resolve().parents[1]  # plugins/shangliang
SHIPPED_CONFIG = PACKAGE.parents[1] / "deploy" / "nginx.conf"
"""The repository's nginx configuration (the package is used from the repository, installed editable)."""
NGINX = Path("/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")


class ServerError(Exception):
    """The server could not be configured or started."""


def server_block(site_dir: Path, port: int, config: Path = SHIPPED_CONFIG) -> str:
    """The server block of `config` (the shipped one by default) with its `CHANGE` lines
    pointing at `site_dir` on 127.0.0.1:`port`."""
    try:
        text = config.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ServerError(f"{config}: no such nginx configuration (the shipped one is deploy/nginx.conf)") from None
    replacements = {
        r"listen\s+[^;]+;": f"listen {LOCAL_HOST}:{port};",
        r"server_name\s+[^;]+;": f"server_name {LOCAL_HOST};",
        r"root\s+[^;]+;": f'root "{site_dir.resolve()}";',
    }
    for directive, replacement in replacements.items():
        pattern = re.compile(rf"(?m)^(\s*){directive}(.*#\s*CHANGE\b.*)$")
        text, count = pattern.subn(rf"\g<1>{replacement.replace(chr(92), chr(92) * 2)}\g<2>", text)
        if count != 1:
            name = directive.split("\\")[0]
            raise ServerError(f"{config}: expected one `{name} …;  # CHANGE` line, found {count}")
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
    """`with NginxServer(site_dir, work_dir) as server:` — real nginx on `server.base_url` (ending in `/`).

    `config` is the server configuration to run: the repository's `deploy/nginx.conf` unless
    another is given (its `CHANGE` lines are replaced; see `server_block`).
    """

    def __init__(self, site_dir: Path, work_dir: Path, *, config: Path = SHIPPED_CONFIG) -> None:
        self.site_dir = site_dir
        self.work_dir = work_dir
        self.config = config
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @staticmethod
    def available() -> bool:
        return NGINX.is_file() and os.access(NGINX, os.X_OK) and MIME_TYPES.is_file()

    @property
    def base_url(self) -> str:
        return f"http://{LOCAL_HOST}:{self.port}/"

    def url(self, path: str = "") -> str:
        """The address of `path` (relative to the site root; a leading `/` is allowed)."""
        return self.base_url + path.lstrip("/")

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
        server_file.write_text(server_block(self.site_dir, self.port, self.config), encoding="utf-8")
        main_file = self.work_dir / "nginx.conf"
        main_file.write_text(main_config(self.work_dir, server_file), encoding="utf-8")
        command = [str(NGINX), "-p", str(self.work_dir), "-e", str(self.work_dir / "error.log"), "-c", str(main_file)]
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
                with socket.create_connection((LOCAL_HOST, self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise ServerError(f"nginx did not listen on {LOCAL_HOST}:{self.port} within 15 s:\n{self.error_log}")

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

