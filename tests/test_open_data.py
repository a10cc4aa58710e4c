"""Open data and feeds, without MkDocs: the records, the CSV and JSON text, the schema, the Atom XML.

Expectations are written out from the trees' front matter, and files are read
back with the standard parsers (csv, json, xml.etree) and with jsonschema. `FILES`
is a v1 tree (what it gave before content model v2 is written out as `V1_RECORD`
and `V1_CSV_COLUMNS`); `V2_FILES` uses v2's dates, stages, partners and venues.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from atom_check import atom_problems
from contract_tree import case, tree
from jsonschema import Draft202012Validator, ValidationError

from shangliang.outputs import open_data
from shangliang.outputs.feeds import FEED_LENGTH, all_feeds, atom_xml, write_feeds
from shangliang.outputs.open_data import (
    CSV_COLUMNS,
    V2_COLUMNS,
    cases_document,
    schema,
    to_csv,
    to_json,
    write_open_data,
)
from shangliang.pages.grouping import Index

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.org/shangliang/"
DRAFT_TITLE = "草稿案例不应出现"

FILES: dict[str, Any] = {
    "cases/2024/dianshang.md": (
        case(venue="甘蔗街道委员联系点", tags=["乡村振兴", "电商"], members=8, participants=35,
             departments=["县商务局"], problems_solved=0, status="落实", reports=["协商专报2024年第5期"],
             highlight=True, summary="一段话摘要",
             source={"name": "人民政协报", "url": "https://example.org/a", "date": "2024-06-20"}),
        "正文。",
    ),
    "cases/2024/lianhe.md": (case(title="两地联合协商", date="2024-03-02", district=["minhou", "gulou"]), "联合。"),
    "cases/2023/rongchang.md": (case(title="=HYPERLINK(\"x\")", date="2023-05-01", district="rongchang"), "渝。"),
    "cases/2024/caogao.md": (case(title=DRAFT_TITLE, date="2024-12-31", draft=True, members=100), "草稿。"),
}


@pytest.fixture(scope="module")
def index() -> Index:
    result = tree(FILES)
    assert result.problems == [], [str(problem) for problem in result.problems]
    return Index(result.catalogue)


@pytest.fixture(scope="module")
def document(index: Index) -> dict[str, Any]:
    return cases_document(index.catalogue, site_name="测试站", site_url=SITE_URL)


def records_by_src(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {record["src"]: record for record in document["cases"]}


# -- JSON --------------------------------------------------------------------------


def test_json_lists_every_published_case_once_newest_first_and_never_a_draft(document):
    text = to_json(document)
    parsed = json.loads(text)
    assert parsed["count"] == 3
    assert [record["src"] for record in parsed["cases"]] == [
        "cases/2024/dianshang.md", "cases/2024/lianhe.md", "cases/2023/rongchang.md",
    ]  # fmt: skip
    assert DRAFT_TITLE not in text and "caogao" not in text


V1_RECORD = {
    "url": "https://example.org/shangliang/cases/2024/dianshang/",
    "src": "cases/2024/dianshang.md",
    "title": "推进县域电商直播基地建设",
    "date": "2024-06-18",
    "year": 2024,
    "districts": [{"key": "minhou", "name": "闽侯县", "sub_brand": "邑起来商量", "organisation": None}],
    "brand": {"key": "rong", "name": "榕你来商量", "organisation": "福州市政协"},
    "format": "微协商",
    "venue": "甘蔗街道委员联系点",
    "tags": ["乡村振兴", "电商"],
    "members": 8,
    "participants": 35,
    "departments": ["县商务局"],
    "problems_solved": 0,
    "status": "落实",
    "stage_index": 5,
    "reports": ["协商专报2024年第5期"],
    "highlight_year": 2024,
    "summary": "一段话摘要",
    "source": {"name": "人民政协报", "url": "https://example.org/a", "date": "2024-06-20"},
}
"""The record of `cases/2024/dianshang.md` as the site published it before content model v2."""

V2_FIELDS = ("date_precision", "partners", "venue_key", "stages", "is_resolved")

V1_CSV_COLUMNS = (
    "url", "src", "title", "date", "year", "district_keys", "district_names", "sub_brands",
    "brand_key", "brand_name", "brand_organisation", "format", "venue", "tags", "members", "participants",
    "departments", "problems_solved", "status", "stage_index", "reports", "highlight_year", "summary",
    "source_name", "source_url", "source_date",
)  # fmt: skip


def test_a_v1_record_keeps_every_v1_field_as_it_was_and_adds_only_the_v2_fields(document):
    record = records_by_src(document)["cases/2024/dianshang.md"]
    assert {name: value for name, value in record.items() if name not in V2_FIELDS} == V1_RECORD
    assert set(record) - set(V1_RECORD) == set(V2_FIELDS)
    # What v2 adds says nothing new about a v1 case: a day, no partners, the venue as text, no dated stages.
    assert {name: record[name] for name in V2_FIELDS} == {
        "date_precision": "day", "partners": [], "venue_key": None, "stages": {}, "is_resolved": True,
    }  # fmt: skip


def test_the_v1_csv_columns_come_first_in_their_order_then_the_v2_ones(document):
    assert (*V1_CSV_COLUMNS, *V2_COLUMNS) == CSV_COLUMNS
    assert set(V2_COLUMNS) == {"date_precision", "venue_key", "stages", "is_resolved", "partners"}


def test_unstated_figures_are_null_and_a_stated_zero_stays_zero(document):
    records = records_by_src(document)
    joint = records["cases/2024/lianhe.md"]
    assert (joint["members"], joint["participants"], joint["problems_solved"]) == (None, None, None)
    assert joint["venue"] is None and joint["source"] is None and joint["highlight_year"] is None
    assert joint["summary"] == "联合。"  # the first paragraph when the editor gives none
    assert records["cases/2024/dianshang.md"]["problems_solved"] == 0


def test_a_joint_case_is_one_record_naming_both_districts(document):
    joint = [record for record in document["cases"] if record["src"] == "cases/2024/lianhe.md"]
    assert len(joint) == 1
    assert [(d["key"], d["name"]) for d in joint[0]["districts"]] == [("minhou", "闽侯县"), ("gulou", "鼓楼区")]


def test_markup_in_front_matter_is_never_markup_in_the_json_but_reads_back_as_written():
    index = Index(tree({"cases/2024/a.md": case(title="<script>alert(1)</script>标题 & 更多")}).catalogue)
    text = to_json(cases_document(index.catalogue, site_name="测试站", site_url=SITE_URL))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["cases"][0]["title"] == "<script>alert(1)</script>标题 & 更多"


def test_urls_are_absolute_under_site_url_and_site_relative_without_it(index):
    without_slash = cases_document(index.catalogue, site_name="测试站", site_url="https://example.org/sl")
    assert without_slash["cases"][0]["url"] == "https://example.org/sl/cases/2024/dianshang/"
    assert without_slash["$schema"] == "https://example.org/sl/data/cases.schema.json"
    relative = cases_document(index.catalogue, site_name="测试站", site_url=None)
    assert relative["cases"][0]["url"] == "cases/2024/dianshang/"
    assert relative["$schema"] == "cases.schema.json"  # next to cases.json
    assert relative["site"] == {"name": "测试站", "url": None}


# -- the schema --------------------------------------------------------------------


def validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_the_schema_validates_the_json_as_written(document):
    validator().validate(json.loads(to_json(document)))


def test_the_schema_names_exactly_the_fields_of_a_record(document):
    case_schema = schema()["properties"]["cases"]["items"]
    record = document["cases"][0]
    assert list(case_schema["properties"]) == list(record) == case_schema["required"]
    assert case_schema["additionalProperties"] is False
    assert list(schema()["required"]) == list(document)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda r: r.update(members="8"), "a figure is a number"),
        (lambda r: r.update(members=-1), "a figure is never negative"),
        (lambda r: r.update(date="2024-13-45"), "a date is a real date"),
        (lambda r: r.pop("participants"), "every field is present, null when not stated"),
        (lambda r: r.update(extra=1), "no field the schema does not describe"),
        (lambda r: r["districts"][0].pop("sub_brand"), "district fields too"),
        (lambda r: r.update(districts=[]), "a case has a district"),
        (lambda r: r.update(date="2024-06"), "a date as precise as date_precision says (day)"),
        (lambda r: r.update(date_precision="week"), "precision is year, month or day"),
        (lambda r: r.update(date="2024-6-18"), "two-digit month and day"),
        (lambda r: r.update(status="完成"), "status is one of the stages"),
        (lambda r: r.update(stages={"开始": "2024-05"}), "stages are named by the stages"),
        (lambda r: r.update(stages={"选题": "2024-13"}), "stage dates are real dates"),
        (lambda r: r.update(venue_key="Gan Zhe"), "a venue key is a key"),
        (lambda r: r.update(is_resolved="yes"), "is_resolved is a boolean"),
        (lambda r: r.update(partners="内江市政协"), "partners is a list"),
    ],
)
def test_the_schema_refuses_a_record_that_breaks_it(document, change, why):
    broken = copy.deepcopy(document)
    change(broken["cases"][0])
    with pytest.raises(ValidationError):
        validator().validate(broken)


# -- CSV ---------------------------------------------------------------------------


def test_csv_has_a_header_row_and_one_row_per_case(document):
    rows = list(csv.DictReader(io.StringIO(to_csv(document["cases"]), newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [row["src"] for row in rows] == [record["src"] for record in document["cases"]]


def test_csv_joins_lists_and_leaves_unstated_figures_empty(document):
    rows = {row["src"]: row for row in csv.DictReader(io.StringIO(to_csv(document["cases"]), newline=""))}
    joint, full = rows["cases/2024/lianhe.md"], rows["cases/2024/dianshang.md"]
    assert (joint["district_keys"], joint["district_names"]) == ("minhou|gulou", "闽侯县|鼓楼区")
    assert joint["sub_brands"] == "邑起来商量|"  # one item per district; gulou has none
    assert (joint["members"], joint["problems_solved"], joint["source_url"]) == ("", "", "")
    assert (full["members"], full["problems_solved"], full["stage_index"]) == ("8", "0", "5")
    assert (full["tags"], full["source_date"], full["highlight_year"]) == ("乡村振兴|电商", "2024-06-20", "2024")


def test_csv_text_that_excel_would_run_as_a_formula_is_kept_as_text(document):
    rows = {row["src"]: row for row in csv.DictReader(io.StringIO(to_csv(document["cases"]), newline=""))}
    assert rows["cases/2023/rongchang.md"]["title"] == "'=HYPERLINK(\"x\")"
    assert records_by_src(document)["cases/2023/rongchang.md"]["title"] == "=HYPERLINK(\"x\")"


def test_written_files_are_utf8_the_csv_with_a_bom_and_the_same_bytes_every_time(index, tmp_path: Path):
    first = write_open_data(tmp_path / "a", index.catalogue, site_name="测试站", site_url=SITE_URL)
    write_open_data(tmp_path / "b", index.catalogue, site_name="测试站", site_url=SITE_URL)
    assert first.count == 3
    assert first.paths == ("data/cases.json", "data/cases.csv", "data/cases.schema.json")
    for path in first.paths:
        assert (tmp_path / "a" / path).read_bytes() == (tmp_path / "b" / path).read_bytes(), path
    csv_bytes = (tmp_path / "a/data/cases.csv").read_bytes()
    assert csv_bytes.startswith(b"\xef\xbb\xbfurl,src,title,")
    assert b"\r\n" in csv_bytes
    json_bytes = (tmp_path / "a/data/cases.json").read_bytes()
    assert not json_bytes.startswith(b"\xef\xbb\xbf")
    assert "闽侯县" in json_bytes.decode("utf-8")  # characters, not \\u escapes
    assert json.loads((tmp_path / "a/data/cases.schema.json").read_bytes()) == open_data.schema()


# -- Atom feeds --------------------------------------------------------------------


def entries(xml: bytes) -> list[ET.Element]:
    return ET.fromstring(xml).findall(f"{ATOM}entry")


def entry_ids(xml: bytes) -> list[str]:
    return [entry.findtext(f"{ATOM}id") or "" for entry in entries(xml)]


def feeds_by_path(index: Index, length: int = FEED_LENGTH) -> dict[str, bytes]:
    return {feed.path: atom_xml(feed, index, SITE_URL) for feed in all_feeds(index, "测试站", length)}


def test_there_is_a_site_feed_and_one_feed_per_district(index):
    assert sorted(feeds_by_path(index)) == [
        "feeds/cases.xml", "feeds/districts/gulou.xml", "feeds/districts/minhou.xml",
        "feeds/districts/rongchang.xml",
    ]  # fmt: skip


def test_feeds_list_published_cases_newest_first_joint_ones_in_each_district(index):
    feeds = feeds_by_path(index)
    url = "https://example.org/shangliang/cases/"
    assert entry_ids(feeds["feeds/cases.xml"]) == [
        f"{url}2024/dianshang/", f"{url}2024/lianhe/", f"{url}2023/rongchang/",
    ]  # fmt: skip
    assert entry_ids(feeds["feeds/districts/minhou.xml"]) == [f"{url}2024/dianshang/", f"{url}2024/lianhe/"]
    assert entry_ids(feeds["feeds/districts/gulou.xml"]) == [f"{url}2024/lianhe/"]
    assert entry_ids(feeds["feeds/districts/rongchang.xml"]) == [f"{url}2023/rongchang/"]
    assert all(DRAFT_TITLE.encode() not in xml for xml in feeds.values())


def test_a_feed_carries_at_most_its_length_of_newest_cases(index):
    feeds = feeds_by_path(index, length=1)
    assert entry_ids(feeds["feeds/cases.xml"]) == ["https://example.org/shangliang/cases/2024/dianshang/"]
    assert len(entries(feeds["feeds/districts/minhou.xml"])) == 1


def test_an_entry_has_the_case_date_in_china_time_and_the_feed_its_newest_date(index):
    root = ET.fromstring(feeds_by_path(index)["feeds/districts/gulou.xml"])
    assert root.findtext(f"{ATOM}updated") == "2024-03-02T00:00:00+08:00"
    assert root.findtext(f"{ATOM}id") == "https://example.org/shangliang/feeds/districts/gulou.xml"
    entry = root.findall(f"{ATOM}entry")[0]
    assert entry.findtext(f"{ATOM}published") == entry.findtext(f"{ATOM}updated") == "2024-03-02T00:00:00+08:00"
    assert entry.findtext(f"{ATOM}title") == "两地联合协商"
    assert entry.find(f"{ATOM}link").get("href") == "https://example.org/shangliang/cases/2024/lianhe/"
    assert [a.findtext(f"{ATOM}name") for a in entry.findall(f"{ATOM}author")] == ["闽侯县", "鼓楼区"]


def test_an_entry_has_the_summary_and_the_tags(index):
    entry = entries(feeds_by_path(index)["feeds/cases.xml"])[0]
    assert entry.findtext(f"{ATOM}summary") == "一段话摘要"
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == ["乡村振兴", "电商"]


def test_a_district_without_cases_has_a_valid_empty_feed_dated_by_the_newest_case():
    index = Index(tree({"cases/2024/a.md": case(date="2024-06-18", district="minhou")}).catalogue)
    root = ET.fromstring(feeds_by_path(index)["feeds/districts/rongchang.xml"])
    assert root.findall(f"{ATOM}entry") == []
    assert root.findtext(f"{ATOM}updated") == "2024-06-18T00:00:00+08:00"
    assert root.findtext(f"{ATOM}title") == "荣昌区：新案例"


def test_feed_text_is_text_markup_and_characters_xml_cannot_carry_included():
    index = Index(tree({"cases/2024/a.md": case(title="<b>加粗</b> & \x01号", summary="<script>x</script>")}).catalogue)
    xml = feeds_by_path(index)["feeds/cases.xml"]
    entry = entries(xml)[0]
    assert entry.findtext(f"{ATOM}title") == "<b>加粗</b> & 号"
    assert entry.findtext(f"{ATOM}summary") == "<script>x</script>"
    assert b"<script>" not in xml


def test_feeds_are_the_same_bytes_every_time_and_need_a_site_url(index, tmp_path: Path):
    write_feeds(tmp_path / "a", index, site_name="测试站", site_url=SITE_URL)
    write_feeds(tmp_path / "b", index, site_name="测试站", site_url=SITE_URL)
    written = sorted(path.relative_to(tmp_path / "a") for path in (tmp_path / "a").rglob("*.xml"))
    assert len(written) == 4 + 2  # four feeds, an empty sitemap.xml in each of their two folders
    for path in written:
        assert (tmp_path / "a" / path).read_bytes() == (tmp_path / "b" / path).read_bytes(), path
    with pytest.raises(ValueError, match="site_url"):
        write_feeds(tmp_path / "c", index, site_name="测试站", site_url="")


def test_every_feed_is_valid_atom(index):
    for path, xml in feeds_by_path(index).items():
        assert atom_problems(xml) == [], path


# -- content model v2: dates as precise as the source, stages, partners, venues ----------

V2_FILES: dict[str, Any] = {
    "venues/ganzhe.md": {"name": "甘蔗街道委员联系点", "type": "委员联系点", "district": "minhou"},
    "cases/2024/shiyue.md": (case(title="十月的案例", date="2024-10-01"), "十月。"),
    "cases/2024/qiyue.md": (case(title="只写明七月的案例", date="2024-07"), "七月。"),
    "cases/2024/ri.md": (
        case(title="写明日子的案例", date="2024-06-18", venue="ganzhe", partners=["内江市政协", "隆昌市政协"],
             stages={"选题": "2024-05", "协商": "2024-06-18", "落实": "2024-09"}),
        "有日子。",
    ),
    "cases/2024/zao.md": (case(title="六月初的案例", date="2024-06-02", status="办理"), "六月初。"),
    # Named to sort first by file name: only its date's precision puts it after June's dated cases.
    "cases/2024/a-yue.md": (case(title="只写明六月的案例", date="2024-06", venue="社区议事厅"), "六月。"),
    "cases/2024/a-nian.md": (
        case(title="只写明年份的案例", date="2024", source={"name": "年终报道", "date": "2025-01"}), "全年。"
    ),
    "cases/2023/jiu.md": (case(title="上年的案例", date="2023-12-31"), "上年。"),
}
V2_ORDER = [
    "cases/2024/shiyue.md", "cases/2024/qiyue.md", "cases/2024/ri.md", "cases/2024/zao.md",
    "cases/2024/a-yue.md", "cases/2024/a-nian.md", "cases/2023/jiu.md",
]  # fmt: skip
"""Newest first: a month after the days written out in it, a year after every month of it."""


@pytest.fixture(scope="module")
def v2_index() -> Index:
    result = tree(V2_FILES)
    assert result.problems == [], [str(problem) for problem in result.problems]
    return Index(result.catalogue)


@pytest.fixture(scope="module")
def v2_document(v2_index: Index) -> dict[str, Any]:
    return json.loads(to_json(cases_document(v2_index.catalogue, site_name="测试站", site_url=SITE_URL)))


def v2_rows(document: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {row["src"]: row for row in csv.DictReader(io.StringIO(to_csv(document["cases"]), newline=""))}


def test_v2_a_month_only_case_follows_the_dated_cases_of_its_month_and_a_year_only_case_its_year(v2_document):
    assert [record["src"] for record in v2_document["cases"]] == V2_ORDER
    assert [row for row in v2_rows(v2_document)] == V2_ORDER


def test_v2_dates_are_as_written_with_their_precision_and_year(v2_document):
    records = records_by_src(v2_document)
    assert {src: (r["date"], r["date_precision"], r["year"]) for src, r in records.items()} == {
        "cases/2024/shiyue.md": ("2024-10-01", "day", 2024),
        "cases/2024/qiyue.md": ("2024-07", "month", 2024),
        "cases/2024/ri.md": ("2024-06-18", "day", 2024),
        "cases/2024/zao.md": ("2024-06-02", "day", 2024),
        "cases/2024/a-yue.md": ("2024-06", "month", 2024),
        "cases/2024/a-nian.md": ("2024", "year", 2024),
        "cases/2023/jiu.md": ("2023-12-31", "day", 2023),
    }
    assert records["cases/2024/a-nian.md"]["source"] == {"name": "年终报道", "url": None, "date": "2025-01"}
    rows = v2_rows(v2_document)
    assert (rows["cases/2024/a-yue.md"]["date"], rows["cases/2024/a-yue.md"]["date_precision"]) == ("2024-06", "month")
    assert (rows["cases/2024/a-nian.md"]["date"], rows["cases/2024/a-nian.md"]["source_date"]) == ("2024", "2025-01")


def test_v2_stages_partners_venue_and_stage_reached_in_the_json(v2_document):
    records = records_by_src(v2_document)
    dated = records["cases/2024/ri.md"]
    assert dated["stages"] == {"选题": "2024-05", "协商": "2024-06-18", "落实": "2024-09"}
    assert list(dated["stages"]) == ["选题", "协商", "落实"]  # in stage order, as JSON keeps it
    assert dated["partners"] == ["内江市政协", "隆昌市政协"]
    assert (dated["venue"], dated["venue_key"]) == ("甘蔗街道委员联系点", "ganzhe")
    # No status written: the last dated stage is the furthest reached.
    assert (dated["status"], dated["stage_index"], dated["is_resolved"]) == ("落实", 5, True)
    text_venue = records["cases/2024/a-yue.md"]
    assert (text_venue["venue"], text_venue["venue_key"], text_venue["stages"]) == ("社区议事厅", None, {})
    assert (text_venue["partners"], text_venue["is_resolved"]) == ([], False)
    assert (records["cases/2024/zao.md"]["status"], records["cases/2024/zao.md"]["is_resolved"]) == ("办理", False)


def test_v2_stages_partners_venue_and_stage_reached_in_the_csv(v2_document):
    rows = v2_rows(v2_document)
    dated, text_venue = rows["cases/2024/ri.md"], rows["cases/2024/a-yue.md"]
    assert dated["stages"] == "选题=2024-05|协商=2024-06-18|落实=2024-09"
    assert dated["partners"] == "内江市政协|隆昌市政协"
    assert (dated["venue"], dated["venue_key"], dated["is_resolved"]) == ("甘蔗街道委员联系点", "ganzhe", "true")
    assert (text_venue["stages"], text_venue["partners"], text_venue["venue_key"]) == ("", "", "")
    assert (text_venue["venue"], text_venue["is_resolved"]) == ("社区议事厅", "false")


def test_v2_the_schema_validates_the_json_as_written(v2_document):
    validator().validate(v2_document)


@pytest.mark.parametrize(
    ("src", "change"),
    [
        ("cases/2024/a-yue.md", lambda r: r.update(date_precision="day")),
        ("cases/2024/a-yue.md", lambda r: r.update(date="2024-06-01")),
        ("cases/2024/a-yue.md", lambda r: r.update(date="2024-13")),
        ("cases/2024/a-nian.md", lambda r: r.update(date_precision="month")),
        ("cases/2024/a-nian.md", lambda r: r["source"].update(date="2025-1")),
        ("cases/2024/ri.md", lambda r: r["stages"].update({"选题": "2024-02-30"})),
    ],
    ids=["month as day", "invented day", "no month 13", "year as month", "source month", "no such day"],
)
def test_v2_the_schema_refuses_a_date_that_is_not_as_precise_as_it_says(v2_document, src, change):
    broken = copy.deepcopy(v2_document)
    change(records_by_src(broken)[src])
    with pytest.raises(ValidationError):
        validator().validate(broken)


def test_v2_feeds_are_valid_atom_in_the_order_of_the_data(v2_index, v2_document):
    feeds = feeds_by_path(v2_index)
    for path, xml in feeds.items():
        assert atom_problems(xml) == [], path
    assert entry_ids(feeds["feeds/cases.xml"]) == [record["url"] for record in v2_document["cases"]]


def test_v2_a_month_only_and_a_year_only_entry_stand_at_the_first_day_of_their_period_and_say_so(v2_index):
    root = ET.fromstring(feeds_by_path(v2_index)["feeds/cases.xml"])
    by_id = {entry.findtext(f"{ATOM}id"): entry for entry in root.findall(f"{ATOM}entry")}
    month = by_id["https://example.org/shangliang/cases/2024/a-yue/"]
    assert month.findtext(f"{ATOM}published") == month.findtext(f"{ATOM}updated") == "2024-06-01T00:00:00+08:00"
    note = "（协商日期为2024年6月，来源未写明具体日期；本条时间按该月第一天记。）"
    assert month.findtext(f"{ATOM}summary") == note + "六月。"
    year = by_id["https://example.org/shangliang/cases/2024/a-nian/"]
    assert year.findtext(f"{ATOM}published") == year.findtext(f"{ATOM}updated") == "2024-01-01T00:00:00+08:00"
    note = "（协商日期为2024年，来源未写明具体日期；本条时间按该年第一天记。）"
    assert year.findtext(f"{ATOM}summary") == note + "全年。"
    day = by_id["https://example.org/shangliang/cases/2024/ri/"]
    assert day.findtext(f"{ATOM}published") == "2024-06-18T00:00:00+08:00"
    assert day.findtext(f"{ATOM}summary") == "有日子。"  # a day: no note
    assert root.findtext(f"{ATOM}updated") == "2024-10-01T00:00:00+08:00"  # the newest entry's


def test_v2_a_feed_whose_newest_case_has_only_a_month_is_dated_by_that_months_first_day():
    index = Index(tree({"cases/2024/a.md": case(date="2024-07"), "cases/2024/b.md": case(date="2024-06-30")}).catalogue)
    xml = feeds_by_path(index)["feeds/districts/minhou.xml"]
    assert atom_problems(xml) == []
    root = ET.fromstring(xml)
    assert entry_ids(xml)[0].endswith("/cases/2024/a/")
    assert root.findtext(f"{ATOM}updated") == "2024-07-01T00:00:00+08:00"


@pytest.mark.parametrize(
    ("edit", "reported"),
    [
        (lambda xml: xml.replace(b"<id>https://example.org/shangliang/cases/2024/lianhe/</id>", b"", 1), "atom:id"),
        (lambda xml: xml.replace(b"2024-03-02T00:00:00+08:00</updated>", b"2024-03-02</updated>", 1), "RFC 3339"),
        (lambda xml: xml.replace(b'<link href="https://example.org/shangliang/cases/2024/lianhe/"', b"<x", 1),
         "rel=alternate"),
    ],
    ids=["entry without id", "date without time", "entry without link"],
)
def test_the_atom_check_itself_reports_a_broken_feed(index, edit, reported):
    xml = feeds_by_path(index)["feeds/districts/gulou.xml"]
    assert atom_problems(xml) == []
    broken = edit(xml)
    assert broken != xml
    assert any(reported in problem for problem in atom_problems(broken)), atom_problems(broken)
