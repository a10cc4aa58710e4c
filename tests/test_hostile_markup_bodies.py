"""Hostile content: the sanitizer of Markdown bodies.

A Markdown body keeps only allowed markup (tables, images inside the tree, details,
admonitions, safe links, code shown as text); each thing removed is a warning naming
the file and the line (so a strict build fails), and check.py lists each removal with
its code and line.

Real `mkdocs build` runs of small sites (`tests/hostile.py` holds the payloads and
the checks).
"""

from __future__ import annotations

import re

import pytest
from hostile import (
    CODE_LINE,
    REMOVED_LINES,
    SANITIZED_PAGE_LINES,
    active_markup,
    article,
    check_json,
    line_of,
    make_hostile_site,
    page_text,
    parse_html,
    sanitizer_tree,
    warning_lines,
)
from sites import Site

# =========================================================================== Markdown bodies

CASE_SRC = "cases/2024/ludeng.md"
PAGE_SRC = "notes.md"
REMOVED_ELEMENTS = {"script", "iframe", "object", "embed", "style", "form", "input"}
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")


@pytest.fixture(scope="module")
def sanitized(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, str]:
    """The site whose case and ordinary page hold allowed and removed markup; (site, stderr of its build)."""
    site = make_hostile_site(tmp_path_factory.mktemp("sanitized"), sanitizer_tree())
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return site, result.stderr


def expected_lines(site: Site, src_uri: str, snippets: tuple[str, ...]) -> set[int]:
    text = (site.content / src_uri).read_text(encoding="utf-8")
    return {line_of(text, snippet) for snippet in snippets}


def warned_lines(stderr: str, src_uri: str) -> set[int]:
    """The lines of `src_uri` that the build's warnings name (`<file>: 第 N 行：…`)."""
    lines = set()
    for warning in warning_lines(stderr):
        if warning.startswith(src_uri + ": "):
            lines.update(int(n) for n in re.findall(r"第 (\d+) 行", warning))
    return lines


def test_each_removal_is_a_warning_naming_the_file_and_its_line(sanitized: tuple[Site, str]) -> None:
    site, stderr = sanitized
    assert warned_lines(stderr, CASE_SRC) == expected_lines(site, CASE_SRC, REMOVED_LINES)
    assert warned_lines(stderr, PAGE_SRC) == expected_lines(site, PAGE_SRC, SANITIZED_PAGE_LINES)


def test_removed_markup_fails_a_strict_build(sanitized: tuple[Site, str]) -> None:
    site, _stderr = sanitized
    assert site.build("--strict").returncode == 1


def _unsafe(element_html: str) -> list[str]:
    found = []
    for element in parse_html(element_html).elements:
        where = f"<{element.tag}> (article line {element.line})"
        if element.tag in REMOVED_ELEMENTS:
            found.append(where)
        for name, value in element.attrs.items():
            if name.startswith("on"):
                found.append(f"{where} {name}={value!r}")
            if name in {"href", "src"} and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(UNSAFE_SCHEMES):
                found.append(f"{where} {name}={value!r}")
        if element.tag == "img" and re.match(r"\s*(https?:)?//", element.attrs.get("src", ""), re.I):
            found.append(f"{where} src={element.attrs['src']!r} (another host)")
    return found


@pytest.mark.parametrize("url", ["cases/2024/ludeng/", "notes/"])
def test_the_published_page_has_none_of_the_removed_markup(sanitized: tuple[Site, str], url: str) -> None:
    site, _stderr = sanitized
    assert _unsafe(article(site.html(url))) == []
    assert active_markup(site.html(url)) == []


def test_removing_an_attribute_keeps_its_element_and_text(sanitized: tuple[Site, str]) -> None:
    site, _stderr = sanitized
    case_page = parse_html(article(site.html("cases/2024/ludeng/")))
    assert "点我" in [h.text.strip() for h in case_page.find("h2")]
    assert "点击段落" in case_page.text
    assert "移过来" in page_text(site, "notes/")


def test_the_allowed_markup_is_kept(sanitized: tuple[Site, str]) -> None:
    site, _stderr = sanitized
    body = parse_html(article(site.html("cases/2024/ludeng/")))
    cells = [cell.text.strip() for cell in body.elements if cell.tag in {"th", "td"}]
    assert body.find("table") and cells == ["项目", "数量", "路灯", "12"]
    pictures = [img.attrs.get("src") for img in body.find("img") if img.attrs.get("alt") == "示意图"]
    assert pictures == ["../tu.png"], "a relative image inside the tree is kept"
    assert [s.text for s in body.find("summary")] == ["展开详情"]
    assert [d.text for d in body.find("details")] == ["展开详情详情内容"]
    admonitions = [d for d in body.find("div") if {"admonition", "note"} <= d.classes]
    assert len(admonitions) == 1 and "提示内容。" in admonitions[0].text
    assert [p.text for p in body.find("p") if "admonition-title" in p.classes] == ["注意"]
    links = {a.attrs.get("href"): a.text for a in body.find("a")}
    assert links.get("http://www.rmzxw.com.cn/") == "人民政协网"
    assert links.get("mailto:editor@example.org") == "来信"
    assert links.get("../other/") == "另一个案例"
    assert links.get("#过程") == "回到过程"
    assert "过程" in [h.attrs.get("id") for h in body.find("h2")]
    assert [c.text for c in body.find("code") if CODE_LINE in c.text], "a code block keeps markup as text"


def test_check_script_lists_each_removal_with_its_code_and_line(sanitized: tuple[Site, str]) -> None:
    site, _stderr = sanitized
    status, problems = check_json(site)
    assert status == 0, problems
    for src_uri, snippets in ((CASE_SRC, REMOVED_LINES), (PAGE_SRC, SANITIZED_PAGE_LINES)):
        unsafe = [p for p in problems if p["code"] == "unsafe-html" and p["file"] == src_uri]
        assert {p["severity"] for p in unsafe} == {"warning"}
        assert {p["line"] for p in unsafe} == expected_lines(site, src_uri, snippets)
        for problem in unsafe:
            assert {"code", "field", "file", "line", "severity"} <= set(problem), problem
    strict_status, _ = check_json(site, "--strict")
    assert strict_status == 1
