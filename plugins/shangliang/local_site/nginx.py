"""The built site served by real nginx with the shipped `deploy/nginx.conf`, on 127.0.0.1.

`NginxServer` runs Debian's nginx in the foreground as a child process, with its pid
file, logs and temporary folders in a private work folder, using the repository's
`deploy/nginx.conf` (or another file given as `config`) with only its lines marked
`CHANGE` (listen, server_name, root) replaced. The files it includes by a relative path
that exist next to it (`snippets/shangliang-security-headers.conf`, the security headers)
are copied into the work folder at that same relative path (nginx resolves a relative
`include` from the folder of its main configuration), with their `CHANGE` lines, an
`include` of a file of the built site (`…/nginx-csp.conf`, the build's
Content-Security-Policy), pointing at `site_dir`. The benchmark measures the search
download through it; tests/test_nginx.py checks the configuration with it. Where nginx
is not installed (`NginxServer.available()` is false), `StaticServer` is the fallback.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from .static import LOCAL_HOST, free_port

PACKAGE = Path(__file__).resolve().parents[1]  # plugins/shangliang
SHIPPED_CONFIG = PACKAGE.parents[1] / "deploy" / "nginx.conf"
"""The repository's nginx configuration (the package is used from the repository, installed editable)."""
SHIPPED_HEADERS = SHIPPED_CONFIG.parent / "snippets" / "shangliang-security-headers.conf"
"""The security headers every location of `SHIPPED_CONFIG` includes (`include snippets/…;`)."""
NGINX = Path("/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")


class ServerError(Exception):
    """The server could not be configured or started."""


def server_block(site_dir: Path, port: int, config: Path = SHIPPED_CONFIG) -> str:
    """The server block of `config` (the shipped one by default) with its `CHANGE` lines
    pointing at `site_dir` on 127.0.0.1:`port` (a `listen` line keeps its parameters:
    `listen 443 ssl;` becomes `listen 127.0.0.1:<port> ssl;`)."""
    try:
        text = config.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ServerError(f"{config}: no such nginx configuration (the shipped one is deploy/nginx.conf)") from None
    replacements: dict[str, Callable[[re.Match[str]], str]] = {
        "listen": lambda match: f"listen {LOCAL_HOST}:{port}{match.group('params')};",
        "server_name": lambda match: f"server_name {LOCAL_HOST};",
        "root": lambda match: f'root "{_quoted(site_dir.resolve())}";',
    }
    for name, replacement in replacements.items():
        pattern = re.compile(rf"(?m)^(?P<indent>\s*){name}\s+[^;\s]+(?P<params>[^;]*);(?P<rest>.*#\s*CHANGE\b.*)$")

        def replaced(match: re.Match[str], new: Callable[[re.Match[str]], str] = replacement) -> str:
            return match["indent"] + new(match) + match["rest"]

        text, count = pattern.subn(replaced, text)
        if count != 1:
            raise ServerError(f"{config}: expected one `{name} …;  # CHANGE` line, found {count}")
    return text


def _quoted(path: Path) -> str:
    """`path` for a double-quoted nginx argument."""
    return str(path).replace("\\", "\\\\").replace('"', '\\"')


_INCLUDE = re.compile(r"""(?m)^[ \t]*include\s+["']?(?P<path>[^;"'\s]+)["']?\s*;""")
_CHANGE = re.compile(r"#\s*CHANGE\b")
_SITE_INCLUDE = re.compile(r"""^(?P<indent>[ \t]*)include\s+["']?(?P<path>[^;"']+?)["']?\s*;(?P<rest>.*)$""")


def included_files(site_dir: Path, config: Path = SHIPPED_CONFIG) -> dict[str, str]:
    """What `config` includes by a relative path from files next to it (e.g. `snippets/…`):
    relative path -> text, with its `CHANGE` lines pointing at `site_dir` (see `site_include`).
    nginx's own files (an absolute path, or a relative one not next to `config`) are left out."""
    files: dict[str, str] = {}
    for match in _INCLUDE.finditer(config.read_text(encoding="utf-8")):
        relative = match["path"]
        source = config.parent / relative
        if not relative.startswith("/") and "*" not in relative and source.is_file() and relative not in files:
            files[relative] = site_include(source, site_dir)
    return files


def site_include(snippet: Path, site_dir: Path) -> str:
    """The text of `snippet` with each of its `CHANGE` lines, `include /var/www/…/site/<file>;` (a file
    the build writes into the site folder, such as nginx-csp.conf), including `site_dir`'s <file>."""
    lines = snippet.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines):
        if not _CHANGE.search(line):
            continue
        match = _SITE_INCLUDE.match(line)
        if match is None:
            raise ServerError(f"{snippet}:{number + 1}: only `include <site folder>/<file>;  # CHANGE` lines "
                              f"are replaced here, not: {line.strip()}")  # fmt: skip
        target = site_dir.resolve() / Path(match["path"]).name
        if not target.is_file():
            raise ServerError(f"{snippet}:{number + 1}: includes {target.name} from the built site, but {target} "
                              "does not exist (every shangliang build writes it)")  # fmt: skip
        end = "\n" if line.endswith("\n") else ""
        lines[number] = f'{match["indent"]}include "{_quoted(target)}";{match["rest"]}{end}'
    return "".join(lines)


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
        self._write_config()
        self._test_config()
        self.process = subprocess.Popen(
            [*self._command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
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

    @property
    def _command(self) -> list[str]:
        main_file = self.work_dir / "nginx.conf"
        return [str(NGINX), "-p", str(self.work_dir), "-e", str(self.work_dir / "error.log"), "-c", str(main_file)]

    def _write_config(self) -> None:
        """server.conf (the server block), the files it includes next to it, and nginx.conf around them.
        A relative `include` is resolved from the folder of nginx.conf: the work folder."""
        server_file = self.work_dir / "server.conf"
        server_file.write_text(server_block(self.site_dir, self.port, self.config), encoding="utf-8")
        for relative, text in included_files(self.site_dir, self.config).items():
            target = self.work_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        (self.work_dir / "nginx.conf").write_text(main_config(self.work_dir, server_file), encoding="utf-8")

    def _test_config(self) -> None:
        test = subprocess.run([*self._command, "-t", "-q"], capture_output=True, text=True, timeout=30)
        if test.returncode != 0:
            raise ServerError(f"nginx -t rejected the configuration:\n{test.stderr}{self.error_log}")

    def reload(self) -> None:
        """What an administrator does after deploying a build whose policy changed: check the
        configuration, then have nginx read it again (SIGHUP; the files the site includes, such as
        its nginx-csp.conf, are read anew). New workers answer shortly after this returns."""
        if self.process is None or self.process.poll() is not None:
            raise ServerError("nginx is not running")
        self._test_config()
        self.process.send_signal(signal.SIGHUP)

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

