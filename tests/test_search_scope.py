"""What search indexes of a case: its title, the first paragraph of its write-up, and what its panel says.

A real `mkdocs build` with Pagefind; the index is read back from Pagefind's fragments
(one per page: the indexed text, with words separated by zero-width spaces).
"""

from __future__ import annotations

import gzip
import json

import pytest
from sites import BRAND_RONG, DISTRICT_MINHOU, Site, case, make_site, page

CASE_BODY = """
村民希望在家门口装上路灯，委员带着这个愿望走进院坝。

## 事由

夜里出行不方便，独有词甲出现在第二段。

- 列表里的独有词乙

## 结果

亮起路灯之后，独有词丙只在这里。
"""

ABOUT_BODY = """
# 关于本站

第一段介绍。

## 联系

第二段里的联系方式独有词丁。
"""


@pytest.fixture(scope="module")
def fragments(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    site: Site = make_site(
        tmp_path_factory.mktemp("scope"),
        {
            "brands/rong.md": page(BRAND_RONG),
            "districts/minhou.md": page(DISTRICT_MINHOU),
            "cases/2023/lu-deng.md": page(
                case("普陀村院落加装路灯", "2023-06-01", "minhou", venue="普陀村院坝", tags=["基础设施"],
                     departments=["安富街道办事处"], reports=["协商专报2023年第5期"], partners=["内江市政协"]),
                CASE_BODY,
            ),
            "about.md": ABOUT_BODY.strip() + "\n",
        },
        search=True,
    )
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    found = {}
    for path in (site.site_dir / "pagefind" / "fragment").iterdir():
        data = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
        data["text"] = data["content"].replace("\u200b", "")
        found[data["url"]] = data
    return found


def test_a_case_is_found_by_its_title_and_first_paragraph(fragments):
    text = fragments["/cases/2023/lu-deng/"]["text"]
    assert "普陀村院落加装路灯" in text
    assert "村民希望在家门口装上路灯" in text


def test_the_rest_of_a_write_up_is_not_indexed(fragments):
    text = fragments["/cases/2023/lu-deng/"]["text"]
    for left_out in ("独有词甲", "独有词乙", "独有词丙", "事由", "结果"):
        assert left_out not in text, left_out


def test_results_carry_the_cases_facts(fragments):
    meta = fragments["/cases/2023/lu-deng/"]["meta"]
    assert meta["district"].startswith("闽侯县")
    assert meta["brand"] == BRAND_RONG["name"]
    assert meta["date"] == "2023年6月1日"


def test_other_pages_are_indexed_whole(fragments):
    assert "独有词丁" in fragments["/about/"]["text"]


def test_what_the_panel_says_is_searchable_after_the_first_paragraph(fragments):
    text = fragments["/cases/2023/lu-deng/"]["text"]
    facts = ("榕你来商量", "闽侯县", "邑起来商量", "普陀村院坝", "微协商", "安富街道办事处", "内江市政协",
             "基础设施", "协商专报2023年第5期", "2023年")
    for fact in facts:
        assert fact in text, fact
    assert text.index("村民希望") < text.index("基础设施")  # an excerpt starts with the write-up
