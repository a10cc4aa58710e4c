"""`make edit`'s two processes: decap-server (saves into the working copy) and the preview (`mkdocs serve --dirty`).

`EditSession.start()` starts decap-server, waits for it to answer, then starts the preview with
`SHANGLIANG_CMS_PROXY` set (so the preview carries `/admin/`, see `form`) and waits until the form's
page is served. `wait()` returns when either process ends; `stop()` ends both (SIGTERM, then
SIGKILL). Nothing here prints: `scripts/edit.py` says what happens.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from shangliang.cms.admin import ADMIN_FOLDER
from shangliang.cms.form import PROXY_VARIABLE
from shangliang.cms.install import DecapInstall, proxy_url, server_command, server_environment
from shangliang.local_site import LOCAL_HOST

STARTUP_SECONDS = 300.0
"""How long the first preview build may take before the session gives up."""


class SessionError(Exception):
    """A process could not be started or stopped early; the message says which, in Chinese."""


class PortBusy(SessionError):
    """Something already listens on a port the session needs."""


def port_is_free(port: int) -> bool:
    """Nothing listens on the port (a port just closed, in TIME_WAIT, is free for a server)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((LOCAL_HOST, port))
        except OSError:
            return False
        return True


def admin_url(site_url: str, port: int) -> str:
    """Where the preview serves the form: `/admin/` under the path of `site_url`, as `mkdocs serve` mounts it."""
    path = urlsplit(site_url).path or "/"
    path = path if path.endswith("/") else path + "/"
    return f"http://{LOCAL_HOST}:{port}{path}{ADMIN_FOLDER}/"


@dataclass
class EditSession:
    config_file: Path
    site_url: str = ""
    preview_port: int = 8000
    server_port: int = 8081
    install: DecapInstall | None = None
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def repo_dir(self) -> Path:
        """The working copy decap-server writes into: the folder of `mkdocs.yml`."""
        return Path(self.config_file).resolve().parent

    @property
    def admin_url(self) -> str:
        return admin_url(self.site_url, self.preview_port)

    def _install(self) -> DecapInstall:
        return self.install or DecapInstall.beside(self.repo_dir)

    def start(self) -> None:
        for port in (self.server_port, self.preview_port):
            if not port_is_free(port):
                raise PortBusy(f"端口 {port} 已被占用（也许网页编辑或预览已经在运行）：先停掉它，或换一个端口")
        install = self._install()
        install.check()
        environ = server_environment(os.environ, repo_dir=self.repo_dir, port=self.server_port)
        self.processes["decap-server"] = subprocess.Popen(server_command(install), cwd=install.cms_dir, env=environ)
        self._wait_for(lambda: _answers_tcp(self.server_port), "decap-server", 30.0)
        preview_env = {**os.environ, PROXY_VARIABLE: proxy_url(self.server_port), "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(self.config_file),
                   "--dev-addr", f"{LOCAL_HOST}:{self.preview_port}"]  # fmt: skip
        self.processes["mkdocs serve"] = subprocess.Popen(command, cwd=self.repo_dir, env=preview_env)
        self._wait_for(lambda: _answers_http(self.admin_url), "mkdocs serve", STARTUP_SECONDS)

    def _wait_for(self, ready: Callable[[], bool], name: str, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not ready():
            ended = self.ended()
            if ended:
                raise SessionError(f"{ended} 启动失败（退出码 {self.processes[ended].returncode}），见上面的输出")
            if time.monotonic() > deadline:
                raise SessionError(f"{name} 在 {seconds:.0f} 秒内没有就绪")
            time.sleep(0.3)

    def ended(self) -> str | None:
        """The name of a process that has ended, if any."""
        return next((name for name, process in self.processes.items() if process.poll() is not None), None)

    def wait(self) -> str:
        """Block until one of the processes ends; return its name."""
        while True:
            ended = self.ended()
            if ended:
                return ended
            time.sleep(0.5)

    def stop(self, seconds: float = 10.0) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + seconds
        for process in self.processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _answers_tcp(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((LOCAL_HOST, port)) == 0


def _answers_http(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2.0) as response:
            return int(response.status) == 200
    except (urllib.error.URLError, OSError):
        return False
