"""Content model v2 (CONTENT-MODEL.md): venues and the venue of a case, against `load_catalogue`.

A venue page's fields, types, district, opening date and key, and a case's `venue`
naming a venue or written as text.

Each test loads a small content tree in memory (see `contract_tree`) holding the file
or field the rule is about, mostly written as literal YAML, the way an editor types it;
`contract_v2_tree` holds what the `test_contract_v2_*.py` files share.
"""

from __future__ import annotations

import pytest
from contract_tree import CASE_PATH, case, only_error, the_case, tree
from contract_v2_tree import messages

from shangliang.dates import PartialDate
from shangliang.model import Severity

# Written out from the contract rather than imported, so the code cannot drift from it.
CONTRACT_VENUE_TYPES = (
    "委员联系点", "委员工作室", "委员活动室", "委员工作站", "协商议事室", "界别议政厅", "乡镇联络组", "其他",
)  # fmt: skip
VENUE_PATH = "venues/ganzhe.md"
VENUE = "name: 甘蔗街道委员联系点\ntype: 委员联系点\ndistrict: minhou\n"


# -- venues ---------------------------------------------------------------------------


def test_a_venue_page_is_read_with_every_field_of_the_contract():
    venue = VENUE + "opened: 2024-03\naddress: 闽侯县甘蔗街道…\n"
    result = tree({VENUE_PATH: venue})
    assert result.problems == [], messages(result)
    ganzhe = result.catalogue.venues["ganzhe"]
    assert (ganzhe.key, ganzhe.src_uri, ganzhe.url) == ("ganzhe", VENUE_PATH, "venues/ganzhe/")
    assert (ganzhe.name, ganzhe.type, ganzhe.district_key) == ("甘蔗街道委员联系点", "委员联系点", "minhou")
    assert ganzhe.opened == PartialDate(2024, 3)
    assert ganzhe.address == "闽侯县甘蔗街道…"


@pytest.mark.parametrize("venue_type", CONTRACT_VENUE_TYPES)
def test_every_venue_type_of_the_contract_is_accepted(venue_type):
    result = tree({VENUE_PATH: f"name: 甘蔗街道委员联系点\ntype: {venue_type}\ndistrict: minhou\n"})
    assert result.problems == [], messages(result)
    assert result.catalogue.venues["ganzhe"].type == venue_type


def test_an_unknown_venue_type_is_an_error_naming_the_types():
    result = tree({VENUE_PATH: "name: 甘蔗街道委员联系点\ntype: 联系点\ndistrict: minhou\n"})
    error = only_error(result, "type", VENUE_PATH)
    assert "'联系点'" in error.message
    assert all(venue_type in error.message for venue_type in CONTRACT_VENUE_TYPES)
    assert "ganzhe" not in result.catalogue.venues


def test_venue_types_are_configurable():
    venue = "name: 院坝会场\ntype: 院坝\ndistrict: minhou\n"
    result = tree({VENUE_PATH: venue}, venue_types=("院坝",))
    assert result.problems == [], messages(result)
    result = tree({VENUE_PATH: VENUE}, venue_types=("院坝",))
    assert "院坝" in only_error(result, "type", VENUE_PATH).message


@pytest.mark.parametrize("field", ["name", "type", "district"])
def test_a_venue_missing_a_required_field_is_an_error_naming_it(field):
    lines = [line for line in VENUE.splitlines(keepends=True) if not line.startswith(f"{field}:")]
    result = tree({VENUE_PATH: "".join(lines)})
    error = only_error(result, field, VENUE_PATH)
    assert error.code == "missing-required"
    assert error.message.startswith("缺少（必填：")
    assert "ganzhe" not in result.catalogue.venues


def test_a_venue_of_an_unknown_district_is_an_error_naming_the_districts():
    result = tree({VENUE_PATH: "name: 甘蔗街道委员联系点\ntype: 委员联系点\ndistrict: nowhere\n"})
    error = only_error(result, "district", VENUE_PATH)
    assert error.code == "unknown-district"
    assert str(error).startswith("venues/ganzhe.md: district（所在区县）: 未知的区县（写的是 'nowhere'")
    assert all(key in error.message for key in ("gulou", "minhou", "rongchang"))
    assert "ganzhe" not in result.catalogue.venues


def test_a_venue_district_that_is_not_a_key_is_an_error():
    result = tree({VENUE_PATH: "name: 甘蔗街道委员联系点\ntype: 委员联系点\ndistrict: 闽侯县\n"})
    assert only_error(result, "district", VENUE_PATH).code == "not-a-key"


@pytest.mark.parametrize(
    ("written", "expected"),
    [("2024", PartialDate(2024)), ("2024-03", PartialDate(2024, 3)), ("2024-03-05", PartialDate(2024, 3, 5))],
)
def test_opened_is_a_year_a_month_or_a_day(written, expected):
    result = tree({VENUE_PATH: VENUE + f"opened: {written}\n"})
    assert result.problems == [], messages(result)
    assert result.catalogue.venues["ganzhe"].opened == expected


@pytest.mark.parametrize("written", ["2024-13", "去年", "2024-03-"])
def test_a_bad_opened_is_an_error_of_that_field(written):
    result = tree({VENUE_PATH: VENUE + f"opened: {written}\n"})
    error = only_error(result, "opened", VENUE_PATH)
    assert error.code == "not-a-date"
    assert str(error).startswith("venues/ganzhe.md: opened（启用时间）: 不是日期")


def test_a_venues_unknown_field_is_a_warning_suggesting_the_closest_name():
    result = tree({VENUE_PATH: VENUE + "adress: 甘蔗街道\n"})
    assert result.errors == []
    [warning] = result.warnings
    assert (warning.field, warning.severity, warning.code) == ("adress", Severity.WARNING, "unknown-field")
    assert "是不是想写 address（地址）？" in warning.message


def test_a_venue_file_elsewhere_with_kind_venue_is_a_venue_at_its_own_url():
    result = tree({
        "about/ganzhe.md": "kind: venue\n" + VENUE,
        CASE_PATH: case(venue="ganzhe"),
    })  # fmt: skip
    assert result.problems == [], messages(result)
    ganzhe = result.catalogue.venues["ganzhe"]
    assert ganzhe.url == "about/ganzhe/"
    assert the_case(result).venue_key == "ganzhe"


def test_the_key_of_a_venue_is_its_file_name():
    result = tree({"venues/ganzhe-jiedao-2.md": VENUE})
    assert result.problems == [], messages(result)
    assert set(result.catalogue.venues) == {"ganzhe-jiedao-2"}


@pytest.mark.parametrize("src_uri", ["venues/GanZhe.md", "venues/gan_zhe.md", "venues/甘蔗.md", "venues/gan zhe.md"])
def test_a_venue_file_name_that_is_not_a_key_is_an_error(src_uri):
    result = tree({src_uri: VENUE})
    error = only_error(result, "file name", src_uri)
    assert error.code == "file-name-not-key"
    assert result.catalogue.venues == {}


def test_two_venues_with_the_same_key_is_an_error_naming_both():
    result = tree({VENUE_PATH: VENUE, "about/ganzhe.md": "kind: venue\n" + VENUE})
    assert any(
        "venues/ganzhe.md" in str(error) and "about/ganzhe.md" in str(error) for error in result.errors
    ), messages(result)


# -- the venue of a case ------------------------------------------------------------------


def test_a_case_venue_naming_a_venue_key_links_the_venue_and_shows_its_name():
    result = tree({VENUE_PATH: VENUE, CASE_PATH: case(venue="ganzhe")})
    assert result.problems == [], messages(result)
    published = the_case(result)
    assert published.venue_key == "ganzhe"
    assert published.venue == "甘蔗街道委员联系点"


def test_a_case_venue_that_looks_like_a_key_but_names_no_venue_is_an_error():
    result = tree({VENUE_PATH: VENUE, CASE_PATH: case(venue="ganzhee")})
    error = only_error(result, "venue")
    assert error.code == "unknown-venue"
    assert "'ganzhee'" in error.message
    assert "ganzhe" in error.message.replace("'ganzhee'", "")


def test_a_case_venue_written_as_text_stays_text():
    result = tree({VENUE_PATH: VENUE, CASE_PATH: case(venue="甘蔗街道委员联系点")})
    assert result.problems == [], messages(result)
    published = the_case(result)
    assert published.venue == "甘蔗街道委员联系点"
    assert published.venue_key is None


def test_a_case_without_venue_has_none():
    published = the_case(tree({VENUE_PATH: VENUE, CASE_PATH: case()}))
    assert (published.venue, published.venue_key) == (None, None)
