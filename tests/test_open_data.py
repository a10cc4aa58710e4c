"""Open data and feeds, without MkDocs: the records, the CSV and JSON text, the schema, the Atom XML.

Expectations are written out from the trees' front matter, and files are read
back with the standard parsers (csv, json, xml.etree) and with jsonschema.
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
from contract_tree import case, tree
from jsonschema import Draft202012Validator, ValidationError

from shangliang.outputs import open_data
from shangliang.outputs.feeds import FEED_LENGTH, all_feeds, atom_xml, write_feeds
from shangliang.outputs.open_data import CSV_COLUMNS, cases_document, schema, to_csv, to_json, write_open_data
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


def test_a_record_carries_every_field_of_the_case(document):
    assert records_by_src(document)["cases/2024/dianshang.md"] == {
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
