"""The default summary of a case: the first paragraph of its body as plain text."""

from __future__ import annotations

import pytest
from contract_tree import (
    CASE_PATH,
    case,
    the_case,
    tree,
)

# -- default summary ----------------------------------------------------------


def test_default_summary_is_the_first_paragraph_without_headings_or_markup():
    body = (
        "# 推进县域电商直播基地建设\n\n"
        "## 背景\n\n"
        "闽侯县政协围绕**电商直播**开展[微协商](https://example.org/a)，\n"
        "推动建成*直播基地*。\n\n"
        "第二段不在摘要里。\n"
    )
    published = the_case(tree({CASE_PATH: (case(), body)}))
    assert published.summary == "闽侯县政协围绕电商直播开展微协商，推动建成直播基地。"


@pytest.mark.parametrize(
    ("body", "summary"),
    [
        ("![封面](cover.jpg)\n\n正文第一段。\n", "正文第一段。"),
        ("```yaml\ncode: 1\n```\n\n正文第一段。\n", "正文第一段。"),
        ("标题\n====\n\n正文第一段。\n", "正文第一段。"),
        ("> 引文一句。\n\n正文。\n", "引文一句。"),
        ("", ""),
    ],
    ids=["image", "fenced-code", "setext-heading", "blockquote", "empty-body"],
)
def test_default_summary_skips_what_is_not_body_text(body, summary):
    assert the_case(tree({CASE_PATH: (case(), body)})).summary == summary


@pytest.mark.parametrize(
    "opening",
    [
        "<!--\n编辑备注：电话待核实\n-->\n\n",
        '!!! note "说明"\n    本页日期取报道日期。\n\n',
        "[![封面](cover.jpg)](https://example.org/a)\n\n",
        "    print('代码')\n\n",
    ],
    ids=["html-comment", "admonition", "linked-image", "indented-code"],
)
def test_default_summary_skips_comments_admonitions_linked_images_and_code(opening):
    published = the_case(tree({CASE_PATH: (case(), opening + "正文第一段。\n")}))
    assert published.summary == "正文第一段。"
