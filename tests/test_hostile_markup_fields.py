"""Hostile content: front matter fields and file names that could run script are refused or encoded.

`template` and `icon` (which would choose a template or include a file) are errors
naming the file, the field and the line, while `author`, `subtitle` and `description`
are known fields; a source address other than http(s) and a status that is not a stage
are refused; a file name with quotes or brackets is refused or every link to it is
percent-encoded.

Real `mkdocs build` runs of small sites (`tests/hostile.py` holds the payloads and
the checks).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from hostile import JS_URL, active_markup, built_html, check_json, error_lines, hostile, line_of, parse_html
from sites import Site, case, make_site, page, with_minhou

# -- refused fields -------------------------------------------------------------------------------

REFUSED = {
    "about.md": ("template", "main.html"),
    "cases/2024/a.md": ("icon", "material/home"),
    "brands/rong.md": ("icon", "material/account"),
    "districts/minhou.md": ("template", "shangliang/home.html"),
}


@pytest.fixture(scope="module")
def refused_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """`template` or `icon` in each kind of file (an ordinary page, a case, a brand, a district)."""
    brand = {"name": "榕你来商量", "organisation": "福州市政协"}
    district = {"name": "闽侯县", "brand": "rong"}
    files = {
        "about.md": page({"title": "关于"}, "关于本站。"),
        "cases/2024/a.md": page(case("甲", "2024-01-02", "minhou"), "正文。"),
        "brands/rong.md": page(brand, "品牌。"),
        "districts/minhou.md": page(district, "区县。"),
    }
    for src_uri, (name, value) in REFUSED.items():
        files[src_uri] = files[src_uri].replace("---\n", f"---\n{name}: {value}\n", 1)
    return make_site(tmp_path_factory.mktemp("refused"), files)


def test_template_and_icon_are_errors_naming_the_file_and_the_field(refused_site: Site) -> None:
    result = refused_site.build()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = error_lines(result.stderr)
    for src_uri, (name, _value) in REFUSED.items():
        label = {"template": "页面模板", "icon": "图标"}[name]
        assert [line for line in errors if line.startswith(f"{src_uri}: {name}（{label}）: 不允许：")], (
            f"no error for {src_uri}: {name}; errors: {errors}"
        )


def test_check_script_gives_refused_fields_their_code_and_line(refused_site: Site) -> None:
    status, problems = check_json(refused_site)
    assert status == 1
    for problem in problems:
        assert {"code", "field", "file", "line", "severity"} <= set(problem), problem
    refused = {(p["file"], p["field"], p["line"], p["severity"]) for p in problems if p["code"] == "field-not-allowed"}
    expected = {
        (src_uri, name, line_of((refused_site.content / src_uri).read_text("utf-8"), f"{name}: {value}"), "error")
        for src_uri, (name, value) in REFUSED.items()
    }
    assert refused == expected


def test_author_subtitle_and_description_are_known_fields(tmp_path: Path) -> None:
    fields = {"author": "福州市政协办公室", "subtitle": "一个副标题", "description": "一句话介绍。"}
    site = make_site(tmp_path, {
        "brands/rong.md": page({"name": "榕你来商量", "organisation": "福州市政协", **fields}),
        "districts/minhou.md": page({"name": "闽侯县", "brand": "rong", **fields}),
        "cases/2024/a.md": page(case("甲", "2024-01-02", "minhou", **fields), "正文。"),
        "about.md": page({"title": "关于", **fields}, "关于本站。"),
    })  # fmt: skip
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    assert "未知字段" not in result.stderr
    for url in ("cases/2024/a/", "about/"):
        document = parse_html(site.html(url))
        assert [m.attrs["content"] for m in document.find("meta", name="description")] == ["一句话介绍。"]
        assert [m.attrs["content"] for m in document.find("meta", name="author")] == ["福州市政协办公室"]


# -- validated fields -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", [JS_URL, "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)", "//example.org/x"],
)  # fmt: skip
def test_a_source_address_other_than_http_is_refused(tmp_path: Path, url: str) -> None:
    site = make_site(
        tmp_path,
        with_minhou(
            {
                "cases/2024/x.md": page(
                    case("甲", "2024-01-02", "minhou", source={"name": "来源", "url": url}), "正文。"
                ),
            }
        ),
    )
    result = site.build()
    assert result.returncode == 1
    written = "cases/2024/x.md: source.url（来源·网址）: "
    assert [line for line in error_lines(result.stderr) if line.startswith(written)]


def test_a_case_status_is_a_stage_not_free_text(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        with_minhou(
            {
                "cases/2024/x.md": page(case("甲", "2024-01-02", "minhou", status=hostile("落实")), "正文。"),
            }
        ),
    )
    result = site.build()
    assert result.returncode == 1
    written = "cases/2024/x.md: status（进度）: 不是可用的值"
    assert [line for line in error_lines(result.stderr) if line.startswith(written)]


# -- file names -----------------------------------------------------------------------------------

HOSTILE_FILE_NAMES = [
    'cases/2024/a"b.md',
    "cases/2024/x'onmouseover='alert(1).md",
    "cases/2024/x<svg onload=alert(1)>.md",
]
QUOTES_AND_BRACKETS = re.compile(r"[\"'<>]")


@pytest.mark.parametrize("src_uri", HOSTILE_FILE_NAMES)
def test_a_file_name_with_quotes_or_brackets_is_refused_or_every_link_to_it_is_encoded(
    tmp_path: Path, src_uri: str
) -> None:
    title = "文件名不寻常的案例"
    site = make_site(
        tmp_path,
        with_minhou(
            {
                src_uri: page(case(title, "2024-01-02", "minhou"), "正文。"),
                "cases/2024/plain.md": page(case("普通案例", "2024-01-03", "minhou"), "正文。"),
            }
        ),
    )
    result = site.build()
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1), result.stderr

    if result.returncode == 1:  # refused: an error naming the file, and no other error
        errors = error_lines(result.stderr)
        assert [line for line in errors if line.startswith(src_uri + ": ")], errors
        _status, problems = check_json(site)
        errors_found = {(p["file"], p["code"]) for p in problems if p["severity"] == "error"}
        assert errors_found == {(src_uri, "unsafe-file-name")}
        return

    # accepted: listed, and every link to any page is percent-encoded
    district = parse_html(site.html("districts/minhou/"))
    links = [a.attrs["href"] for a in district.find("a") if a.text.strip() == title]
    assert links, f"{src_uri} was accepted but is not listed in its district"
    for href in links:
        assert not QUOTES_AND_BRACKETS.search(href), f"raw quote or bracket in href {href!r}"
        target = unquote(urljoin("/districts/minhou/", href)).lstrip("/")
        assert (site.site_dir / target / "index.html").is_file(), (
            f"{href!r} leads nowhere (did a raw quote in the file name end the attribute early?)"
        )
    pages = built_html(site)
    raw = [
        f"{path}: <{element.tag} {name}={value!r}>"
        for path, text in pages.items()
        for element in parse_html(text).elements
        for name, value in element.attrs.items()
        if name in {"href", "src"} and QUOTES_AND_BRACKETS.search(value)
    ]
    assert raw == []
    assert {path: m for path, text in pages.items() if (m := active_markup(text))} == {}
