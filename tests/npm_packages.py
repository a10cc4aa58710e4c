"""The web form's npm packages for tests: installed with `npm ci` (as `make edit` does) when missing.

Without Node.js and npm the tests that need them skip, saying so (in CI they fail: `make test`
installs Debian's nodejs and npm).
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from shangliang.cms.install import DecapInstall, npm_ci_command
from tests.sites import REPO

INSTALL = DecapInstall(REPO / "cms")


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)", pytrace=False)
    pytest.skip(reason)


def node() -> str:
    """Node.js, or skip (fail in CI) when it is not installed."""
    found = shutil.which("node")
    if found is None:
        _skip_or_fail("Node.js is not installed (apt-get install nodejs npm; `make edit` does it)")
    assert found is not None
    return found


def decap_installed() -> DecapInstall:
    """`cms/node_modules` with Decap CMS, decap-server and js-yaml, installed now with `npm ci` if missing."""
    node()
    if not INSTALL.is_installed():
        if shutil.which("npm") is None:
            _skip_or_fail("npm is not installed (apt-get install npm; `make edit` does it)")
        done = subprocess.run(npm_ci_command(INSTALL.cms_dir), capture_output=True, text=True, timeout=900,
                              check=False)  # fmt: skip
        assert done.returncode == 0, f"npm ci failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert INSTALL.is_installed(), "npm ci ran, but Decap CMS is still missing from cms/node_modules"
    return INSTALL
