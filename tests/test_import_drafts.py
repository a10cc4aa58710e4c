"""`importers.draft` and `importers.placing`: a draft's text, its file, its check, and never overwriting."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sites import BRAND_RONG, DISTRICT_MINHOU, page

from shangliang.content.catalogue import load_catalogue
from shangliang.dates import PartialDate
from shangliang.importers.draft import Draft, draft_text
from shangliang.importers.outcome import Outcome
from shangliang.importers.placing import Site, place_drafts, settle, write_new
from shangliang.model import Kind

JUNE_FIRST = PartialDate(2023, 6, 1)


def draft(title: str = "普陀村加装路灯", date: PartialDate = JUNE_FIRST, **values: object) -> Draft:
    return Draft({"title": title, "date": date, "district": ("minhou",), "format": "微协商", **values}, "正文。")


@pytest.fixture
def site(tmp_path: Path) -> Site:
    docs = tmp_path / "content"
    for src_uri, text in {"brands/rong.md": page(BRAND_RONG), "districts/minhou.md": page(DISTRICT_MINHOU)}.items():
        (docs / src_uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / src_uri).write_text(text, encoding="utf-8")
    return Site(docs, {"brands/rong.md": Kind.BRAND, "districts/minhou.md": Kind.DISTRICT})


def meta_of(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def test_a_draft_is_written_in_the_contracts_order_with_draft_true_last() -> None:
    text = draft_text(draft(status="落实", members=8, tags=("交通",), venue="甘蔗街道委员联系点"))
    assert text == (
        "---\ntitle: 普陀村加装路灯\ndate: 2023-06-01\ndistrict: minhou\nformat: 微协商\nvenue: 甘蔗街道委员联系点\n"
        "tags: [交通]\nmembers: 8\nstatus: 落实\n"
        "draft: true  # 导入的草稿：核对标着“待确认”的各项、补上缺的内容后，删去这一行再发布\n---\n\n正文。\n"
    )


def test_values_are_written_as_yaml_reads_them_back_whatever_they_hold() -> None:
    title = "示例: #1 — 'a' \"b\" [c] {d} & *e* <script>alert(1)</script>"
    meta = meta_of(draft_text(draft(title, summary="第一行\n第二行", departments=("县住建局", "甘蔗街道"))))
    assert meta["title"] == title
    assert meta["summary"] == "第一行\n第二行"
    assert meta["departments"] == ["县住建局", "甘蔗街道"]


def test_a_month_or_a_year_is_written_as_text_the_build_reads_as_such() -> None:
    assert meta_of(draft_text(draft(date=PartialDate(2023, 5))))["date"] == "2023-05"
    assert meta_of(draft_text(draft(date=PartialDate(2023))))["date"] == "2023"


def test_a_note_stands_beside_its_field_or_above_a_field_of_several_lines() -> None:
    text = draft_text(Draft(
        {"title": "路灯", "date": PartialDate(2023, 6, 1), "district": ("minhou", "gulou"), "format": "微协商",
         "source": {"name": "重庆日报", "url": None, "date": PartialDate(2024, 1, 20)}},
        "正文。", {"district": "待确认：据原文“闽侯县”", "source": "来源的名称取自页面"},
    ))  # fmt: skip
    assert "\ndistrict: [minhou, gulou]  # 待确认：据原文“闽侯县”\n" in text
    assert "\n# 来源的名称取自页面\nsource:\n  name: 重庆日报\n  date: 2024-01-20\n" in text


def test_drafts_of_one_run_and_existing_files_never_share_a_name() -> None:
    placed = place_drafts([draft(), draft(), draft("路灯")], ["cases/2023/pu-tuo-cun-jia-zhuang-lu-deng.md"])
    assert [spot.src_uri for spot in placed] == [
        "cases/2023/pu-tuo-cun-jia-zhuang-lu-deng-2.md", "cases/2023/pu-tuo-cun-jia-zhuang-lu-deng-3.md",
        "cases/2023/lu-deng.md",
    ]  # fmt: skip
    assert [spot.renamed for spot in placed] == [True, True, False]


def test_a_title_without_pinyin_still_gets_a_file() -> None:
    (spot,) = place_drafts([draft("!!!")], [])
    assert spot.src_uri == "cases/2023/dao-ru.md"


def test_write_new_never_replaces_a_file(tmp_path: Path) -> None:
    path = tmp_path / "cases" / "2023" / "x.md"
    assert write_new(path, "first")
    assert not write_new(path, "second")
    assert path.read_text(encoding="utf-8") == "first"


def test_settled_drafts_are_checked_by_the_packages_validation_and_a_failing_one_is_not_written(site: Site) -> None:
    good = Outcome("甲", draft())
    implausible = Outcome("乙", draft("另一件事", members=10**9))
    unknown_district = Outcome("丙", Draft({**draft("第三件事").values, "district": ("cangshan",)}, "正文。"))
    refused = Outcome("丁", None, refusal="没有标题")
    results = settle([good, implausible, unknown_district, refused], site)
    assert [result.imported for result in results] == [True, False, False, False]
    assert (site.docs_dir / "cases/2023/pu-tuo-cun-jia-zhuang-lu-deng.md").exists()
    assert sorted(path.name for path in site.docs_dir.rglob("cases/**/*.md")) == ["pu-tuo-cun-jia-zhuang-lu-deng.md"]
    assert results[1].refusal == "导入后的草稿没有通过检查（见下面的错误）"
    assert [problem.field for problem in results[1].problems if problem.is_error] == ["members"]
    assert [problem.field for problem in results[2].problems if problem.is_error] == ["district"]
    assert results[3].refusal == "没有标题"


def test_a_settled_draft_is_a_draft_case_of_the_catalogue(site: Site) -> None:
    (result,) = settle([Outcome("甲", draft())], site, write=False)
    assert result.imported and result.problems == ()
    files = [(uri, (site.docs_dir / uri).read_bytes()) for uri in site.kinds]
    loaded = load_catalogue([*files, (result.src_uri or "", result.text.encode())])
    assert loaded.catalogue.cases == []
    assert [case.title for case in loaded.catalogue.drafts] == ["普陀村加装路灯"]
    assert not list(site.docs_dir.rglob("cases/**/*.md"))  # write=False: a dry run
