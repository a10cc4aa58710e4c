"""The plugin's options in `mkdocs.yml`: `enabled: false` is honoured by every hook; each option checked once."""

from __future__ import annotations

from pathlib import Path

from sites import case, make_site, page, with_minhou


def _set_options(site, options: str) -> None:
    config = site.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("search: false", "search: false\n" + options), encoding="utf-8")


def test_a_disabled_plugin_builds_the_tree_as_plain_pages(tmp_path: Path):
    # Content the plugin would refuse (an unknown district) and use_directory_urls off:
    # with the plugin off, neither matters.
    files = with_minhou({"cases/2024/a.md": page(case("路灯", "2024-06-18", "nowhere", highlight=2024), "正文。")})
    site = make_site(tmp_path, files)
    _set_options(site, "      enabled: false")
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert "shangliang" not in result.stderr
    built = site.site_dir
    assert (built / "cases" / "2024" / "a.html").is_file()
    assert not (built / "highlights").exists(), "no generated pages when disabled"
    assert not (built / "data").exists() and not (built / "feeds").exists()


def test_a_negative_latest_cases_is_refused_naming_the_option(tmp_path: Path):
    site = make_site(tmp_path, with_minhou({}))
    _set_options(site, "      latest_cases: -1")
    result = site.build()
    assert result.returncode == 1
    assert "option 'latest_cases': must be a whole number of at least 0 (got -1)" in result.stderr
    assert "Traceback" not in result.stderr
