"""Content model v2 (CONTENT-MODEL.md): sub-brands, the brand matrix and partners, against `load_catalogue`.

A brand's matrix and sub-brands, partner districts (never a sub-brand) and the
partners of a case.

Each test loads a small content tree in memory (see `contract_tree`) holding the file
or field the rule is about, mostly written as literal YAML, the way an editor types it;
`contract_v2_tree` holds what the `test_contract_v2_*.py` files share.
"""

from __future__ import annotations

import pytest
from contract_tree import CASE_PATH, case, only_error, the_case, tree
from contract_v2_tree import RONG, case_yaml, messages

from shangliang.model import SubBrand
from shangliang.pages.grouping import Index

# -- matrix, sub-brands, partners ---------------------------------------------------


def test_a_brands_matrix_and_sub_brands_are_kept():
    brand = RONG + """\
matrix: [走进政协, 委员在行动, 书香政协]
sub_brands:
  - name: 想方设法
    organisation: 提案委员会
  - name: 众智成城
  - 文化基石
"""
    result = tree({"brands/rong.md": brand})
    assert result.problems == [], messages(result)
    rong = result.catalogue.brands["rong"]
    assert rong.matrix == ("走进政协", "委员在行动", "书香政协")
    assert rong.sub_brands == (SubBrand("想方设法", "提案委员会"), SubBrand("众智成城"), SubBrand("文化基石"))


def test_a_matrix_that_is_not_a_list_is_an_error():
    result = tree({"brands/rong.md": RONG + "matrix: 走进政协\n"})
    error = only_error(result, "matrix", "brands/rong.md")
    assert error.code == "not-a-list"
    assert str(error) == "brands/rong.md: matrix（品牌矩阵）: 应是列表（写的是 '走进政协'；请写成 [走进政协]）"


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ("想方设法", "sub_brands"),
        ("[{organisation: 提案委员会}]", "sub_brands[1]"),
        ("[想方设法, [x]]", "sub_brands[2]"),
    ],
)
def test_a_bad_sub_brand_is_an_error_naming_it(value, field):
    result = tree({"brands/rong.md": RONG + f"sub_brands: {value}\n"})
    only_error(result, field, "brands/rong.md")


@pytest.mark.parametrize("organisation", ["[提案委员会]", "{name: 提案委员会}"], ids=["list", "mapping"])
def test_a_sub_brands_organisation_that_is_not_text_is_an_error(organisation):
    result = tree({"brands/rong.md": RONG + f"sub_brands:\n  - {{name: 想方设法, organisation: {organisation}}}\n"})
    assert len(result.errors) == 1, messages(result)
    assert result.errors[0].field.startswith("sub_brands[1]")
    assert "organisation" in result.errors[0].field


def test_a_sub_brands_unknown_field_is_a_warning():
    result = tree({"brands/rong.md": RONG + "sub_brands:\n  - {name: 想方设法, organsation: 提案委员会}\n"})
    assert result.errors == []
    [warning] = result.warnings
    assert (warning.field, warning.code) == ("sub_brands[1].organsation", "unknown-field")
    assert "是不是想写 organisation（子品牌·第1项·所属单位）？" in warning.message


def test_a_partner_district_is_a_partner_and_never_a_sub_brand():
    partner = "name: 内江市\nbrand: yu\nsub_brand: 甜城商量\npartner: true\n"
    result = tree({"districts/neijiang.md": partner})
    assert result.problems == [], messages(result)
    districts = result.catalogue.districts
    assert districts["neijiang"].partner is True
    assert districts["neijiang"].is_sub_brand is False
    assert districts["minhou"].is_sub_brand is True  # sub_brand: 邑起来商量
    assert districts["gulou"].is_sub_brand is False  # no sub_brand
    assert districts["gulou"].partner is False


def test_a_brands_sub_brands_are_its_districts_own_without_partners_plus_its_sub_brands():
    result = tree({
        "brands/yu.md": "name: 渝事好商量\norganisation: 重庆市政协\nsub_brands: [委员沙龙]\n",
        "districts/rongchang.md": "name: 荣昌区\nbrand: yu\nsub_brand: 荣昌好商量\n",
        "districts/neijiang.md": "name: 内江市\nbrand: yu\nsub_brand: 甜城商量\npartner: true\n",
    })  # fmt: skip
    assert result.problems == [], messages(result)
    index = Index(result.catalogue)
    assert sorted(index.sub_brands_of("yu")) == sorted(["荣昌好商量", "委员沙龙"])
    assert [district.key for district in index.partners_of("yu")] == ["neijiang"]


def test_partner_must_be_true_or_false():
    result = tree({"districts/neijiang.md": "name: 内江市\nbrand: yu\npartner: 是\n"})
    error = only_error(result, "partner", "districts/neijiang.md")
    assert error.code == "not-true-or-false"
    assert str(error) == "districts/neijiang.md: partner（协作方政协）: 应是 true 或 false（写的是 '是'）"


def test_a_joint_case_with_a_partner_district_is_published():
    partner = "name: 内江市\nbrand: yu\npartner: true\n"
    result = tree({"districts/neijiang.md": partner, CASE_PATH: case(district=["rongchang", "neijiang"])})
    assert result.problems == [], messages(result)
    assert the_case(result).district_keys == ("rongchang", "neijiang")
    assert the_case(result).brand_key == "yu"


def test_a_cases_partners_are_kept():
    result = tree({CASE_PATH: case_yaml(extra="partners: [内江市政协, 隆昌市政协]\n")})
    assert result.problems == [], messages(result)
    assert the_case(result).partners == ("内江市政协", "隆昌市政协")


def test_partners_that_are_not_a_list_is_an_error():
    result = tree({CASE_PATH: case_yaml(extra="partners: 内江市政协\n")})
    error = only_error(result, "partners")
    assert error.code == "not-a-list"
    assert error.message.startswith("应是列表")
