"""Content model v2 (CONTENT-MODEL.md): v1 trees build unchanged, against `load_catalogue`.

v2 only adds to v1: the contract's v1 examples (brand, district, case, comments and
all) load with no problem, with the values and defaults of v1, and what v2 adds is
empty.

Each test loads a small content tree in memory (see `contract_tree`) holding the file
or field the rule is about, mostly written as literal YAML, the way an editor types it;
`contract_v2_tree` holds what the `test_contract_v2_*.py` files share.
"""

from __future__ import annotations

import datetime as dt

from contract_tree import the_case, tree
from contract_v2_tree import messages

from shangliang.dates import PartialDate

# -- v1 trees build unchanged ------------------------------------------------------------------

# The contract's examples with only the v1 fields, comments and all, as an editor copied them.
V1_BRAND = """\
name: 榕你来商量              # required
organisation: 福州市政协        # required
slogan: 为你商量、请你商量、近你商量   # optional
launched: 2024-01             # optional: YYYY or YYYY-MM
order: 1                      # optional: position in lists
"""
V1_DISTRICT = """\
name: 闽侯县                  # required
brand: rong                   # required: key of the parent brand
sub_brand: 邑起来商量           # optional: the district's own brand name
organisation: 闽侯县政协         # optional
order: 8                      # optional
"""
V1_CASE = """\
title: 推进县域电商直播基地建设     # required
date: 2024-06-18              # required: day of the consultation, YYYY-MM-DD
district: minhou              # required: a district key, or a list of keys
                              #   for a joint (e.g. cross-region) consultation
brand: rong                   # optional: defaults to the first district's brand
format: 微协商                 # required: one of the site's formats (below)
venue: 甘蔗街道委员联系点        # optional: text
tags: [乡村振兴, 电商]           # optional: topics (Material's tags convention)
members: 8                    # optional int >= 0: CPPCC members taking part
participants: 35              # optional int >= 0: all people taking part
departments: [县商务局]         # optional list: departments that took part or answered
problems_solved: 3            # optional int >= 0
status: 落实                   # optional: furthest stage reached (below); default 协商
reports: [协商专报2024年第5期]   # optional list: bulletins the case fed into
highlight: 2024               # optional: year it was commended as an excellent
                              #   case; `true` means the year of its date
summary: 一段话摘要              # optional: defaults to the first paragraph
cover: cover.jpg              # optional: image path relative to this file
source:                       # optional: where the write-up first appeared
  name: 人民政协报
  url: https://example.org/...
  date: 2024-01-06
draft: true                   # optional: validated but not published
"""
V1_CASE_PATH = "cases/2024/dianshang-zhibo.md"


def _v1_tree(case_text: str = V1_CASE):
    return tree(
        {"brands/rong.md": V1_BRAND, "districts/minhou.md": V1_DISTRICT, V1_CASE_PATH: (case_text, "正文。\n")},
        base=False,
        other_uris=("cases/2024/cover.jpg",),
    )


def test_the_v1_example_loads_with_no_problems_and_its_draft_is_kept_apart():
    result = _v1_tree()
    assert result.problems == [], messages(result)
    assert result.catalogue.cases == []
    assert [draft.src_uri for draft in result.catalogue.drafts] == [V1_CASE_PATH]


def test_the_v1_example_case_has_the_values_of_v1():
    result = _v1_tree(V1_CASE.replace("draft: true", "draft: false"))
    assert result.problems == [], messages(result)
    published = the_case(result, V1_CASE_PATH)
    assert published.url == "cases/2024/dianshang-zhibo/"
    assert published.title == "推进县域电商直播基地建设"
    assert published.date == PartialDate(2024, 6, 18)
    assert published.date.precision == "day"
    assert published.date.first_day == published.date.last_day == dt.date(2024, 6, 18)
    assert published.year == 2024
    assert published.district_keys == ("minhou",)
    assert published.brand_key == "rong"
    assert published.format == "微协商"
    assert (published.venue, published.venue_key) == ("甘蔗街道委员联系点", None)
    assert published.tags == ("乡村振兴", "电商")
    assert (published.members, published.participants, published.problems_solved) == (8, 35, 3)
    assert published.departments == ("县商务局",)
    assert published.status == "落实"
    assert published.reports == ("协商专报2024年第5期",)
    assert published.highlight_year == 2024
    assert published.summary == "一段话摘要"
    assert published.cover == "cover.jpg"
    assert published.source.name == "人民政协报"
    assert published.source.url == "https://example.org/..."
    assert published.source.date == PartialDate(2024, 1, 6)
    assert published.source.date.precision == "day"
    assert published.draft is False
    # What v2 adds is empty in a v1 tree.
    assert (published.stages, published.partners) == ((), ())


def test_the_v1_example_brand_and_district_have_the_values_of_v1():
    catalogue = _v1_tree().catalogue
    rong = catalogue.brands["rong"]
    assert (rong.name, rong.organisation, rong.slogan) == ("榕你来商量", "福州市政协", "为你商量、请你商量、近你商量")
    assert (rong.launched, rong.order) == ("2024-01", 1)
    assert (rong.matrix, rong.sub_brands, rong.figures, rong.commendations) == ((), (), (), ())
    minhou = catalogue.districts["minhou"]
    assert (minhou.name, minhou.brand_key, minhou.sub_brand) == ("闽侯县", "rong", "邑起来商量")
    assert (minhou.organisation, minhou.order) == ("闽侯县政协", 8)
    assert (minhou.partner, minhou.is_sub_brand, minhou.figures) == (False, True, ())
    assert minhou.label == "闽侯县 · 邑起来商量"
    assert catalogue.venues == {}


def test_the_v1_example_without_its_optional_fields_uses_the_v1_defaults():
    minimal = "title: 推进县域电商直播基地建设\ndate: 2024-06-18\ndistrict: minhou\nformat: 微协商\n"
    result = _v1_tree(minimal)
    assert result.problems == [], messages(result)
    published = the_case(result, V1_CASE_PATH)
    assert published.status == "协商"
    assert published.highlight_year is None
    assert published.summary == "正文。"
    assert (published.venue, published.source, published.cover) == (None, None, None)
