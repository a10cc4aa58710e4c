"""Where Decap CMS and decap-server are: the npm packages pinned in `cms/package.json` (and its lock).

`npm ci` installs them into `cms/node_modules/` (`make edit` runs it; nothing there is
committed). `DecapInstall` names the files the admin page serves and the server `make edit`
starts; `npm_ci_command` and `server_command` are the commands, `server_environment` the
settings decap-server reads (it listens on 127.0.0.1 only and writes into the working copy).
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from shangliang.local_site import LOCAL_HOST

CMS_FOLDER = "cms"
"""The folder of `package.json`, beside `mkdocs.yml` (or in the checkout this package comes from)."""
DEFAULT_SERVER_PORT = 8081
"""decap-server's own default port."""

_PROJECT_ROOT = Path(__file__).resolve().parents[3]


class DecapMissing(Exception):
    """Decap CMS is not installed; the message says how to install it (in Chinese)."""


@dataclass(frozen=True)
class DecapInstall:
    cms_dir: Path

    @classmethod
    def beside(cls, config_dir: Path) -> DecapInstall:
        """The `cms/` folder beside `mkdocs.yml`, or else the one of this source checkout."""
        for candidate in (Path(config_dir) / CMS_FOLDER, _PROJECT_ROOT / CMS_FOLDER):
            if (candidate / "package.json").is_file():
                return cls(candidate)
        return cls(Path(config_dir) / CMS_FOLDER)

    @property
    def node_modules(self) -> Path:
        return self.cms_dir / "node_modules"

    @property
    def decap_dist(self) -> Path:
        return self.node_modules / "decap-cms" / "dist"

    @property
    def js_yaml(self) -> Path:
        return self.node_modules / "js-yaml" / "dist" / "js-yaml.min.js"

    @property
    def page_script(self) -> Path:
        """The admin page's own script (committed, not from npm)."""
        return self.cms_dir / "admin" / "shangliang-cms.js"

    @property
    def page_styles(self) -> Path:
        return self.cms_dir / "admin" / "shangliang-cms.css"

    @property
    def server_script(self) -> Path:
        return self.node_modules / "decap-server" / "dist" / "index.js"

    def is_installed(self) -> bool:
        return all(path.is_file() for path in (self.decap_dist / "decap-cms.js", self.js_yaml, self.server_script))

    def check(self) -> None:
        """Raise `DecapMissing` unless every file the form needs is there."""
        for own in (self.page_script, self.page_styles):
            if not own.is_file():
                raise DecapMissing(f"找不到网页编辑的文件 {own}")
        if not self.is_installed():
            raise DecapMissing(
                f"网页编辑（Decap CMS）还没有安装：请运行 make edit，或 cd {self.cms_dir} && npm ci --ignore-scripts"
            )

    def admin_assets(self) -> list[Path]:
        """The files the admin page loads: Decap's bundle and the chunks it loads later, js-yaml, our script."""
        dist = self.decap_dist
        bundle = [dist / "decap-cms.js", *sorted(dist.glob("*.decap-cms.js")), *sorted(dist.glob("*.wasm"))]
        licence = dist / "decap-cms.js.LICENSE.txt"
        return [*bundle, *([licence] if licence.is_file() else []), self.js_yaml, self.page_script, self.page_styles]


def npm_ci_command(cms_dir: Path) -> list[str]:
    """Install exactly what `package-lock.json` pins; no package's install scripts run."""
    npm = shutil.which("npm") or "npm"
    return [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", str(cms_dir)]


def server_command(install: DecapInstall) -> list[str]:
    """decap-server, as `npx decap-server` in the cms folder would start it."""
    return [shutil.which("node") or "node", str(install.server_script)]


def server_environment(base: Mapping[str, str], *, repo_dir: Path, port: int = DEFAULT_SERVER_PORT) -> dict[str, str]:
    """decap-server's settings: write the files of `repo_dir` directly (`fs` mode), on 127.0.0.1:`port` only."""
    return {
        **base,
        "GIT_REPO_DIRECTORY": str(repo_dir),
        "MODE": "fs",
        "PORT": str(port),
        "BIND_HOST": LOCAL_HOST,
        "LOG_LEVEL": "warn",
    }


def proxy_url(port: int = DEFAULT_SERVER_PORT) -> str:
    """decap-server's API, which the form talks to."""
    return f"http://{LOCAL_HOST}:{port}/api/v1"
