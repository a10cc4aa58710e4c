"""Whether a build carries the web form, and writing it: what the plugin's `on_post_build` calls.

The form is in a build when `mkdocs.yml` says `cms: true` (a team that publishes it, saving to
its Git forge through `cms_backend`), or when `make edit` runs the preview: `scripts/edit.py`
sets `SHANGLIANG_CMS_PROXY` to decap-server's address, and the form then saves into the working
copy through it. Otherwise `/admin/` does not exist.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from shangliang.cms.admin import admin_page, admin_policy, origins_of, write_admin
from shangliang.cms.config import DEFAULT_BACKEND, FormSettings, config_text, decap_config, site_choices
from shangliang.cms.install import DecapInstall
from shangliang.model import Catalogue

PROXY_VARIABLE = "SHANGLIANG_CMS_PROXY"
"""Set by `scripts/edit.py`: decap-server's API address; the preview then carries the form."""


def form_settings(
    *, enabled: bool, backend: Mapping[str, Any], environ: Mapping[str, str], content_folder: str, site_url: str = "",
) -> FormSettings | None:  # fmt: skip
    """The form's settings for this build, or None when the build has no form."""
    proxy = environ.get(PROXY_VARIABLE, "").strip() or None
    if not enabled and proxy is None:
        return None
    return FormSettings(
        content_folder=content_folder,
        backend=dict(backend) if backend else dict(DEFAULT_BACKEND),
        local_backend_url=proxy,
        site_url=site_url,
    )


def content_folder(docs_dir: Path, repo_dir: Path) -> str:
    """The content folder as Decap names it: relative to the working copy's root (`content`)."""
    try:
        return Path(os.path.relpath(Path(docs_dir).resolve(), Path(repo_dir).resolve())).as_posix()
    except ValueError:  # another drive
        return Path(docs_dir).name


def write_form(
    site_dir: Path, catalogue: Catalogue, *, settings: FormSettings, site_name: str, install: DecapInstall,
) -> Path:  # fmt: skip
    """`/admin/` in the built site: page, config from the catalogue, scripts. Raises `DecapMissing`."""
    config = decap_config(site_choices(catalogue), settings)
    connect = origins_of({"proxy": settings.local_backend_url or "", **settings.backend})
    page = admin_page(site_name=site_name, policy=admin_policy(connect))
    return write_admin(site_dir, install=install, config_text=config_text(config), page=page)
