"""The title an editor meant, from front matter YAML refuses (`content.recovery`), and where it shows.

A slip in the front matter must not rename the page after its pinyin file name, nor put
the front matter on the page as text: the preview's page for the broken file
(`pages.placeholder`) and the navigation carry the title the editor wrote.
"""

from __future__ import annotations

import pytest

from shangliang.content.catalogue import load_catalogue
from shangliang.content.reading import ReadError, read_document
from shangliang.content.recovery import MAX_TITLE, readable_text, recover_title
from shangliang.pages.placeholder import placeholder_source

REST = "date: 2024-03-01\ndistrict: minhou\nformat: 微协商\n"


def case_file(title_line: str, *, rest: str = REST, body: str = "居民反映停车难。") -> str:
    return f"---\n{title_line}\n{rest}---\n\n{body}\n"


SLIPS = {
    "full-width colon": case_file("title：社区停车难题"),
    "full-width colon, the only line": "---\ntitle：社区停车难题\n---\n\n居民反映停车难。\n",
    "tab before the value": case_file("title:\t社区停车难题", rest="\tdate: 2024-03-01\n"),
    "tab indenting the line": case_file("\ttitle: 社区停车难题"),
    "quote left open": case_file('title: "社区停车难题'),
    "quote closed twice": case_file("title: '社区停车难题''"),
    "chinese quotes": case_file("title：“社区停车难题”"),
    "never closed": "---\ntitle: 社区停车难题\ndate: 2024-03-01\n\n居民反映停车难。\n",
    "closed with full-width dashes": "---\ntitle: 社区停车难题\ndate: [2024\n－－－\n\n正文。\n",
    "chinese key": case_file("标题：社区停车难题", rest="date: 2024-03-01\n日期 2024\n"),
    "space before the colon": case_file("title : 社区停车难题", rest="date: [\n"),
    "comment after the value": case_file("title: 社区停车难题  # 暂定", rest="date: {\n"),
}


@pytest.mark.parametrize("text", SLIPS.values(), ids=SLIPS.keys())
def test_the_title_of_a_slip_is_recovered(text: str) -> None:
    with pytest.raises(ReadError):  # each of these is a file YAML refuses
        read_document("cases/2024/shequ-tingche.md", text.encode())
    assert recover_title(text) == "社区停车难题"


def test_a_folded_title_is_joined() -> None:
    assert recover_title(case_file("title: >\n  社区停车\n  难题", rest="date: [\n")) == "社区停车 难题"


def test_without_a_title_line_the_first_heading_of_the_body_is_the_title() -> None:
    text = "---\ndate: 2024-03-01\ndistrct minhou\n---\n\n```\n# 不是标题\n```\n\n# 社区停车难题 #\n\n## 过程\n"
    assert recover_title(text) == "社区停车难题"


def test_a_second_level_heading_or_an_empty_title_is_not_a_title() -> None:
    assert recover_title("---\ntitle:\ndate: [\n---\n\n## 过程\n\n正文。\n") is None
    assert recover_title("---\ntitle: ''\n---\n") is None
    assert recover_title("") is None


def test_a_title_line_of_the_body_is_not_front_matter() -> None:
    assert recover_title("正文第一段。\n\ntitle: 不是标题\n") is None


def test_control_and_invisible_characters_are_dropped_and_a_runaway_title_is_cut() -> None:
    assert recover_title(case_file("title: 社区\x1b[31m停车\u202e难题\x00")) == "社区[31m停车难题"
    long = recover_title(case_file("title: " + "长" * 5000))
    assert long is not None and len(long) == MAX_TITLE and long.endswith("…")


def test_text_for_the_scan_is_utf8_else_gb18030() -> None:
    assert readable_text("---\ntitle：社区停车难题\n".encode()) == "---\ntitle：社区停车难题\n"
    assert recover_title(readable_text(case_file("title: 社区停车难题").encode("gb18030"))) == "社区停车难题"
    cut = ("标" * 300_000).encode()  # longer than the scan: cut inside a character, still UTF-8
    assert set(readable_text(cut)) == {"标"}


def test_the_catalogue_gives_a_broken_file_its_recovered_title() -> None:
    files = [
        ("cases/2024/shequ-tingche.md", SLIPS["full-width colon"].encode()),
        ("cases/2024/gbk.md", case_file("title: 社区停车难题").encode("gb18030")),
        ("cases/2024/nothing.md", b"---\ndate: [\n"),
    ]
    result = load_catalogue(files)
    assert result.not_rendered == {"cases/2024/shequ-tingche.md", "cases/2024/gbk.md", "cases/2024/nothing.md"}
    assert result.titles == {"cases/2024/shequ-tingche.md": "社区停车难题", "cases/2024/gbk.md": "社区停车难题"}


def test_the_preview_page_of_a_broken_file_has_its_title_and_not_its_front_matter() -> None:
    src_uri = "cases/2024/shequ-tingche.md"
    hostile = case_file('title："<img src=x onerror=alert(1)>社区停车难题', rest="date: 2024-03-01\nsecret: 前言原文\n")
    result = load_catalogue([(src_uri, hostile.encode())])
    source = placeholder_source(src_uri, result)
    front, body = source.split("\n---\n", 1)
    assert front == '---\ntitle: "<img src=x onerror=alert(1)>\\u793e\\u533a\\u505c\\u8f66\\u96be\\u9898"'
    assert "shequ-tingche" not in front, "not the file's pinyin name"
    assert "前言原文" not in body and "date: 2024-03-01" not in body, "the front matter is not shown as text"
    explanation, *problems = [line for line in body.splitlines() if line]
    assert explanation.startswith("此文件有问题") and problems, "a sentence saying why, then the problems"
    assert all(line.startswith("- `") and line.endswith("`") for line in problems), "problems as code, one a line"


def test_a_file_with_no_title_to_recover_is_named_by_its_path() -> None:
    result = load_catalogue([("cases/2024/nothing.md", b"---\ndate: [\n")])
    assert placeholder_source("cases/2024/nothing.md", result).startswith('---\ntitle: "cases/2024/nothing.md"\n')
