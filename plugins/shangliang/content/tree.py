"""Reading a content tree straight from disk, the way a build sees it, without MkDocs.

The editors' scripts (`check.py`, `roundup.py`, `new_case.py`) use this so they report
exactly what a build reports, in the same one-line form, without building anything.

- `SiteSettings.from_config_file` reads what the scripts need from `mkdocs.yml`:
  the content folder (`docs_dir`) and the plugin's `formats`.
- `content_files` lists the files MkDocs would take as the site's sources.
- `load_tree` reads and validates them into a `LoadResult` (see `catalogue`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from shangliang.content.catalogue import LoadResult, load_catalogue
from shangliang.content.limits import DEFAULT_BOUNDS, OPTION_OF_BOUND, Bounds
from shangliang.content.links import links_leaving
from shangliang.messages import say
from shangliang.model import DEFAULT_FORMATS

Progress = Callable[[int, int], None]
"""Called as `progress(done, total)` while files are read."""


class SettingsError(Exception):
    """`mkdocs.yml` cannot be read or says something the scripts cannot use."""


class _LenientLoader(yaml.SafeLoader):
    """Safe YAML that reads MkDocs' `!!python/...` and `!ENV` tags as plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_LenientLoader.add_multi_constructor("", _any_tag)


@dataclass(frozen=True)
class SiteSettings:
    config_file: Path
    docs_dir: Path
    formats: tuple[str, ...] = DEFAULT_FORMATS
    site_name: str = ""
    site_url: str = ""
    bounds: Bounds = DEFAULT_BOUNDS
    language: str = ""
    """The plugin's `language` option as written ("" when absent): the language the scripts speak."""

    @classmethod
    def from_config_file(cls, config_file: Path) -> SiteSettings:
        config_file = Path(config_file)
        try:
            raw = config_file.read_text(encoding="utf-8")
        except OSError as error:
            raise SettingsError(say(f"{config_file}：读不出网站配置（{error.strerror}）",
                                     f"{config_file}: cannot read the site configuration ({error.strerror})")) from None
        try:
            config = yaml.load(raw, Loader=_LenientLoader)
        except yaml.YAMLError as error:
            raise SettingsError(say(f"{config_file}：不是有效的 YAML（{error}）；请对照 README 检查缩进和冒号",
                                     f"{config_file}: not valid YAML ({error})")) from None
        if not isinstance(config, dict):
            raise SettingsError(say(f"{config_file}：应是一组“设置: 值”的行",
                                     f"{config_file}: expected a mapping of settings"))
        docs_dir = config_file.parent / str(config.get("docs_dir") or "docs")
        options = _plugin_options(config)
        formats = options.get("formats") or DEFAULT_FORMATS
        if not (isinstance(formats, (list, tuple)) and all(isinstance(item, str) for item in formats)):
            raise SettingsError(say(f"{config_file}：plugins: shangliang: formats（协商形式）："
                                     "应是一组名称，如 [微协商, 民情座谈会]",
                                     f"{config_file}: plugins: shangliang: formats: expected a list of names"))
        return cls(
            config_file=config_file,
            docs_dir=docs_dir,
            formats=tuple(formats),
            site_name=str(config.get("site_name") or ""),
            site_url=str(config.get("site_url") or ""),
            bounds=_bounds(config_file, options),
            language=str(options.get("language") or ""),
        )


def _bounds(config_file: Path, options: dict) -> Bounds:
    bounds = DEFAULT_BOUNDS
    for field, option in OPTION_OF_BOUND.items():
        if option in options:
            value = options[option]
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise SettingsError(say(f"{config_file}：plugins: shangliang: {option}：应是不小于 0 的整数",
                                         f"{config_file}: plugins: shangliang: {option}: expected a whole number"))
            bounds = replace(bounds, **{field: value})
    return bounds


def _plugin_options(config: dict) -> dict:
    for entry in config.get("plugins") or ():
        if isinstance(entry, dict) and "shangliang" in entry:
            options = entry["shangliang"]
            return options if isinstance(options, dict) else {}
    return {}


def content_files(docs_dir: Path) -> Iterator[str]:
    """Every source file of the site, as `src_uri` (`cases/2024/x.md`), in sorted order.

    Walks the folder as MkDocs does (following links) and skips what it skips by default:
    hidden files and folders, and `templates/`.
    """
    found = []
    for folder, dirs, names in os.walk(docs_dir, followlinks=True):
        relative = Path(folder).relative_to(docs_dir).as_posix()
        dirs[:] = [name for name in dirs if not name.startswith(".") and not (relative == "." and name == "templates")]
        for name in names:
            if not name.startswith("."):
                found.append(name if relative == "." else f"{relative}/{name}")
    yield from sorted(found)


def load_tree(settings: SiteSettings, progress: Progress | None = None) -> LoadResult:
    """Read and validate the whole content tree: the same problems a build reports."""
    docs_dir = settings.docs_dir
    if not docs_dir.is_dir():
        raise SettingsError(say(f"{settings.config_file}：docs_dir（内容文件夹）：没有文件夹 {docs_dir}",
                                 f"{settings.config_file}: docs_dir: no such folder {docs_dir}"))
    listed = list(content_files(docs_dir))
    leaving = links_leaving(docs_dir, listed)
    uris = [uri for uri in listed if uri not in leaving.excluded]
    markdown = [uri for uri in uris if uri.endswith(".md")]
    others = [uri for uri in uris if not uri.endswith(".md")]
    total = len(markdown)

    def read_all() -> Iterator[tuple[str, bytes]]:
        for done, src_uri in enumerate(markdown, start=1):
            yield src_uri, (docs_dir / src_uri).read_bytes()
            if progress is not None:
                progress(done, total)

    return load_catalogue(
        read_all(), other_uris=others, formats=settings.formats, bounds=settings.bounds, found_before=leaving.problems
    )
