"""A new case file (`scaffold`): its pinyin slug, its place, and a text that passes the build's checks."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sites import BRAND_RONG, DISTRICT_GULOU, DISTRICT_MINHOU, page

from shangliang.cli.scaffold import (
    MAX_SLUG_LENGTH,
    MAX_SLUG_SYLLABLES,
    InvalidValue,
    NewCase,
    case_src_uri,
    case_text,
    clash_of,
    free_slug,
    parse_choice,
    parse_day,
    parse_districts,
    parse_slug,
    parse_title,
    slug_of,
    usable_districts,
)
from shangliang.content.catalogue import LoadResult, load_catalogue
from shangliang.content.fields import KEY_PATTERN
from shangliang.dates import PartialDate
from shangliang.model import DEFAULT_STAGE, STAGES, Catalogue, District

TREE = {
    "brands/rong.md": page(BRAND_RONG),
    "districts/minhou.md": page(DISTRICT_MINHOU),
    "districts/gulou.md": page(DISTRICT_GULOU),
}


def load_with(src_uri: str, text: str, *, other_uris: tuple[str, ...] = ()) -> LoadResult:
    files = {**TREE, src_uri: text}
    return load_catalogue(((uri, body.encode()) for uri, body in files.items()), other_uris=other_uris)


# -- slugs -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("普陀村加装路灯", "pu-tuo-cun-jia-zhuang-lu-deng"),
        ("绿色出行", "lv-se-chu-xing"),  # ü is written v
        ("重庆长江大桥", "chong-qing-chang-jiang-da-qiao"),  # 重 and 长 read as in these words
    ],
)
def test_a_chinese_title_becomes_lowercase_pinyin_one_syllable_per_part(title: str, slug: str) -> None:
    assert slug_of(title) == slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("5G基站进社区", "5g-ji-zhan-jin-she-qu"),
        ("AI助力社区治理", "ai-zhu-li-she-qu-zhi-li"),
        ("Wi-Fi覆盖", "wi-fi-fu-gai"),
        ("ＡＩ与１２３４５热线", "ai-yu-12345-re-xian"),  # full-width letters and digits
    ],
)
def test_ascii_words_in_a_title_are_kept_lowercased(title: str, slug: str) -> None:
    assert slug_of(title) == slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("关于“一老一小”问题", "guan-yu-yi-lao-yi-xiao-wen-ti"),
        ("停车难？怎么办！", "ting-che-nan-zen-me-ban"),
        ("《条例》——宣讲·座谈", "tiao-li-xuan-jiang-zuo-tan"),
        ("  空格   与\t制表符 ", "kong-ge-yu-zhi-biao-fu"),
    ],
)
def test_punctuation_and_spaces_only_separate_parts(title: str, slug: str) -> None:
    assert slug_of(title) == slug


def test_a_long_title_keeps_its_first_syllables() -> None:
    title = "推进县域电商直播基地建设助力乡村振兴"
    slug = slug_of(title)
    assert slug == "tui-jin-xian-yu-dian-shang-zhi-bo"
    assert len(slug.split("-")) == MAX_SLUG_SYLLABLES


def test_a_slug_never_exceeds_the_length_cap_even_for_one_long_ascii_word() -> None:
    assert slug_of("x" * 100) == "x" * MAX_SLUG_LENGTH
    long_words = " ".join(["consultation"] * 8)
    slug = slug_of(long_words)
    assert len(slug) <= MAX_SLUG_LENGTH
    assert slug == "-".join(["consultation"] * 4)  # whole words only: a fifth would pass 60 characters


@pytest.mark.parametrize(
    "title",
    ["普陀村加装路灯", "5G基站", "关于“一老一小”", "Ünïcödé 咖啡", "①号楼改造", "a--b__c", "x" * 100, "行长长乐"],
)
def test_every_slug_is_a_valid_file_name(title: str) -> None:
    slug = slug_of(title)
    assert KEY_PATTERN.match(slug), slug
    assert len(slug) <= MAX_SLUG_LENGTH


def test_a_title_with_nothing_to_spell_gives_no_slug() -> None:
    assert slug_of("！？……") == ""


@pytest.mark.parametrize("slug", ["lu-deng", "5g-ji-zhan", "a"])
def test_a_chosen_slug_of_lowercase_letters_digits_and_hyphens_is_accepted(slug: str) -> None:
    assert parse_slug(f" {slug} ") == slug


@pytest.mark.parametrize("slug", ["Lu-Deng", "lu_deng", "lu--deng", "-lu", "lu-", "路灯", "", "a" * 61])
def test_a_chosen_slug_that_is_no_valid_file_name_is_refused(slug: str) -> None:
    with pytest.raises(InvalidValue, match="只能用小写字母、数字和单个连字符"):
        parse_slug(slug)


# -- place -----------------------------------------------------------------------


def test_a_case_goes_into_the_folder_of_its_dates_year() -> None:
    assert case_src_uri(dt.date(2023, 6, 1), "lu-deng") == "cases/2023/lu-deng.md"


def test_an_existing_file_of_the_same_name_or_url_is_a_clash() -> None:
    existing = ["cases/2024/lu-deng.md", "cases/2023/Shui-Ku.md", "districts/minhou.md"]
    assert clash_of("cases/2024/lu-deng.md", existing) == "cases/2024/lu-deng.md"
    assert clash_of("cases/2023/shui-ku.md", existing) == "cases/2023/Shui-Ku.md"  # same URL /cases/2023/shui-ku/
    assert clash_of("cases/2023/lu-deng.md", existing) is None  # another year, another URL


def test_a_free_slug_is_suggested_by_numbering() -> None:
    existing = ["cases/2024/lu-deng.md", "cases/2024/lu-deng-2.md"]
    assert free_slug("lu-deng", 2024, existing) == "lu-deng-3"
    assert free_slug("lu-deng", 2023, existing) == "lu-deng"
    assert len(free_slug("x" * MAX_SLUG_LENGTH, 2024, [f"cases/2024/{'x' * MAX_SLUG_LENGTH}.md"])) <= MAX_SLUG_LENGTH


# -- values ----------------------------------------------------------------------


def test_a_title_is_one_non_empty_line() -> None:
    assert parse_title("  普陀村加装路灯 ") == "普陀村加装路灯"
    with pytest.raises(InvalidValue, match="缺少"):
        parse_title("   ")
    with pytest.raises(InvalidValue, match="应是一行文字"):
        parse_title("第一行\n第二行")


def test_dates_follow_the_builds_rule() -> None:
    assert parse_day("2024-02-29") == PartialDate(2024, 2, 29)
    assert parse_day("2024-05") == PartialDate(2024, 5)  # a source without the day
    with pytest.raises(InvalidValue) as error:
        parse_day("2024-13-45")
    # The very message the build gives for the field `date`.
    built = load_with("cases/2024/x.md", page({"title": "甲", "date": "2024-13-45", "district": "minhou",
                                                "format": "微协商"}))
    assert [problem.message for problem in built.problems] == [str(error.value)]
    for wrong in ("去年五月", "2024-6-1", "1800-01-01"):
        with pytest.raises(InvalidValue):
            parse_day(wrong)


def districts() -> list[District]:
    return usable_districts(load_with("index.md", "首页").catalogue)


def test_district_keys_may_be_separated_by_spaces_or_commas_and_repeat_once() -> None:
    assert parse_districts(["minhou"], districts()) == ("minhou",)
    assert parse_districts(["minhou gulou，minhou", "gulou"], districts()) == ("minhou", "gulou")


def test_an_unknown_district_is_refused_with_the_valid_keys() -> None:
    with pytest.raises(InvalidValue) as error:
        parse_districts(["minhou minhuo"], districts())
    assert str(error.value) == "未知的区县（写的是 'minhuo'；应是 gulou, minhou 之一）"
    with pytest.raises(InvalidValue, match="缺少"):
        parse_districts([" "], districts())


def test_a_district_whose_brand_is_missing_is_not_offered() -> None:
    catalogue = Catalogue(brands=load_with("index.md", "").catalogue.brands)
    catalogue.districts = {
        "a": District("a", "districts/a.md", "甲区", "rong"),
        "b": District("b", "districts/b.md", "乙区", "no-such-brand"),
    }
    assert [district.key for district in usable_districts(catalogue)] == ["a"]


def test_a_choice_must_be_one_of_the_allowed_values() -> None:
    assert parse_choice(" 落实 ", STAGES) == "落实"
    with pytest.raises(InvalidValue) as error:
        parse_choice("完成", STAGES)
    assert str(error.value) == "不是可用的值（写的是 '完成'；应是 选题、调研、协商、报送、办理、落实 之一）"


# -- the file --------------------------------------------------------------------

TITLES = [
    "普陀村院落加装路灯",
    "标题: 带冒号",
    "“一老一小”问题",
    "# 不是标题",
    "true",
    "2024",
    "[方括号] 开头",
    "<b>标记</b> & 符号",
    "'单引号' 与 \"双引号\"",
]


@pytest.mark.parametrize("title", TITLES)
def test_the_new_file_passes_the_builds_checks_and_reads_back_as_chosen(title: str) -> None:
    new = NewCase(title, dt.date(2024, 6, 18), ("minhou",), "微协商", "落实", "rong")
    src_uri = case_src_uri(new.date, slug_of(title) or "x")
    result = load_with(src_uri, case_text(new))
    assert only_unfilled_sections(result)
    (case,) = result.catalogue.cases
    assert (case.title, case.date.first_day, case.date.precision, case.district_keys, case.format, case.status) == (
        title, dt.date(2024, 6, 18), "day", ("minhou",), "微协商", "落实",
    )
    assert case.brand_key == "rong"


def only_unfilled_sections(result) -> bool:  # type: ignore[no-untyped-def]
    """The skeleton as written: valid, its four headings warned about until the editor writes them."""
    return not result.errors and [
        (problem.code, problem.message.split("「")[1].split("」")[0]) for problem in result.problems
    ] == [("empty-section", "事由"), ("empty-section", "协商"), ("empty-section", "结果"), ("empty-section", "说明")]


def test_a_filled_skeleton_has_no_problem_and_an_untouched_one_warns_of_each_empty_section() -> None:
    new = NewCase("路灯亮了", dt.date(2024, 6, 18), ("minhou",), "微协商")
    untouched = case_text(new)
    assert only_unfilled_sections(load_with("cases/2024/lu-deng.md", untouched))
    filled = untouched
    for heading in ("事由", "协商", "结果", "说明"):
        filled = filled.replace(f"## {heading}\n", f"## {heading}\n\n{heading}的内容。\n")
    assert load_with("cases/2024/lu-deng.md", filled).problems == []


def test_a_joint_case_without_a_stage_reads_back_with_both_districts_and_the_default_stage() -> None:
    new = NewCase("两地联合协商", dt.date(2023, 9, 1), ("minhou", "gulou"), "民情座谈会")
    text = case_text(new)
    assert "district: [minhou, gulou]\n" in text
    result = load_with("cases/2023/lian-he.md", text)
    assert only_unfilled_sections(result)
    (case,) = result.catalogue.cases
    assert case.district_keys == ("minhou", "gulou")
    assert case.status == DEFAULT_STAGE
    assert not re.search(r"^status:", text, re.MULTILINE)  # left to its default, offered as a hint
    assert re.search(r"^# status: 协商 ", text, re.MULTILINE)


def test_the_body_is_headings_in_the_house_style_and_gives_no_placeholder_summary() -> None:
    text = case_text(NewCase("甲", dt.date(2024, 1, 2), ("minhou",), "微协商", None, "rong"))
    body = text.split("\n---\n", 1)[1]
    assert re.findall(r"^## (.+)$", body, re.MULTILINE) == ["事由", "协商", "结果", "说明"]
    (case,) = load_with("cases/2024/jia.md", text).catalogue.cases
    assert case.summary == ""  # the hints are comments: nothing of them reaches the page's summary


def test_every_optional_hint_uncommented_is_a_known_valid_field() -> None:
    text = case_text(NewCase("甲", dt.date(2024, 1, 2), ("minhou",), "微协商", None, "rong"))
    front, body = text.removeprefix("---\n").split("---\n", 1)
    hints = [line for line in front.splitlines() if re.match(r"^# (\s*)[a-z_]+:", line)]
    assert set(re.findall(r"^# ([a-z_]+):", "\n".join(hints), re.MULTILINE)) == {
        "brand", "venue", "tags", "members", "participants", "departments", "problems_solved", "status",
        "reports", "highlight", "summary", "cover", "source", "draft",
    }
    uncommented = "\n".join(line.removeprefix("# ") if line in hints else line for line in front.splitlines())
    uncommented = uncommented.replace("url: https://", "url: https://example.org/")
    result = load_with("cases/2024/jia.md", f"---\n{uncommented}\n---\n{body}", other_uris=("cases/2024/cover.jpg",))
    assert [str(problem) for problem in result.problems if problem.code != "empty-section"] == []
    (draft,) = result.catalogue.drafts
    assert draft.members == 0 and draft.highlight_year == 2024 and draft.source is not None
