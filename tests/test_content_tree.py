"""Reading a content tree from disk as a build does: the settings, the files, the problems."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sites import case, fuzhou_tree, make_site, page, with_minhou

from shangliang.cli.common import problem_line, progress_reporter
from shangliang.content.tree import SettingsError, SiteSettings, content_files, load_tree
from shangliang.model import DEFAULT_FORMATS


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_settings_read_docs_dir_and_formats_through_mkdocs_python_tags(tmp_path: Path) -> None:
    config = _config(
        tmp_path,
        "site_name: 站\ndocs_dir: pages\nplugins:\n  - shangliang:\n      formats: [圆桌会, 微协商]\n  - tags\n"
        "markdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify\n"
        "        kwds: {case: lower}\n",
    )
    settings = SiteSettings.from_config_file(config)
    assert settings.docs_dir == tmp_path / "pages"
    assert settings.formats == ("圆桌会", "微协商")
    assert settings.site_name == "站"


def test_settings_default_to_docs_folder_and_default_formats(tmp_path: Path) -> None:
    settings = SiteSettings.from_config_file(_config(tmp_path, "site_name: x\nplugins: [shangliang]\n"))
    assert settings.docs_dir == tmp_path / "docs"
    assert settings.formats == DEFAULT_FORMATS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("site_name: [unclosed\n", "不是有效的 YAML"),
        ("- just\n- a list\n", "应是一组“设置: 值”的行"),
        ("plugins:\n  - shangliang:\n      formats: 微协商\n", "formats（协商形式）：应是一组名称"),
    ],
)
def test_unusable_settings_name_the_file_and_the_problem(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(SettingsError, match=expected) as raised:
        SiteSettings.from_config_file(_config(tmp_path, text))
    assert "mkdocs.yml" in str(raised.value)


def test_missing_config_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="读不出网站配置"):
        SiteSettings.from_config_file(tmp_path / "nowhere.yml")


def test_missing_docs_dir_is_named(tmp_path: Path) -> None:
    settings = SiteSettings.from_config_file(_config(tmp_path, "docs_dir: gone\n"))
    with pytest.raises(SettingsError, match="docs_dir（内容文件夹）：没有文件夹"):
        load_tree(settings)


def test_content_files_skip_what_mkdocs_skips(tmp_path: Path) -> None:
    for name in ("a.md", ".hidden.md", ".git/x.md", "templates/t.html", "cases/2024/b.md", "img/c.jpg"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    assert list(content_files(tmp_path)) == ["a.md", "cases/2024/b.md", "img/c.jpg"]


def test_load_tree_reads_the_whole_tree_like_the_build(tmp_path: Path) -> None:
    site = make_site(tmp_path, fuzhou_tree())
    result = load_tree(SiteSettings.from_config_file(site.root / "mkdocs.yml"))
    assert result.problems == []
    assert len(result.catalogue.cases) == 4
    assert [case.src_uri for case in result.catalogue.drafts] == ["cases/2024/caogao.md"]


def test_load_tree_reports_problems_in_the_build_form_and_sees_covers(tmp_path: Path) -> None:
    site = make_site(tmp_path, with_minhou({
        "cases/2024/bad.md": page(case("坏日期", "2024-13-45", "minhou")),
        "cases/2024/pic.md": page(case("有封面", "2024-05-01", "minhou", cover="pic.jpg")),
        "cases/2024/pic.jpg": b"\xff\xd8",
    }))
    result = load_tree(SiteSettings.from_config_file(site.root / "mkdocs.yml"))
    lines = [problem_line(problem) for problem in result.problems]
    assert lines == [
        "错误: cases/2024/bad.md: date（协商日期）: 不是日期（写的是 '2024-13-45'；应写成 YYYY-MM-DD、YYYY-MM 或 YYYY）"
    ]


def test_progress_is_shown_only_for_big_runs_and_ends_at_the_total() -> None:
    stream = io.StringIO()
    report = progress_reporter("reading content", stream, at_least=100)
    for done in range(1, 51):
        report(done, 50)
    assert stream.getvalue() == ""
    for done in range(1, 1001):
        report(done, 1000)
    lines = stream.getvalue().splitlines()
    assert 10 <= len(lines) <= 12
    assert lines[-1].startswith("reading content：1000/1000 个文件")
