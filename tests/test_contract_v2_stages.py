"""Content model v2 (CONTENT-MODEL.md): the stages of a case, against `load_catalogue`.

Stage dates kept in stage order, `status` and the last dated stage, stages out of
order, unknown or undated.

Each test loads a small content tree in memory (see `contract_tree`) holding the file
or field the rule is about, mostly written as literal YAML, the way an editor types it;
`contract_v2_tree` holds what the `test_contract_v2_*.py` files share.
"""

from __future__ import annotations

import pytest
from contract_tree import CASE_PATH, CONTRACT_STAGES, only_error, the_case, tree
from contract_v2_tree import case_yaml, messages

from shangliang.dates import PartialDate

# -- stages ----------------------------------------------------------------------------------

STAGES_EXAMPLE = "stages:\n  选题: 2024-05\n  协商: 2024-06-18\n  落实: 2024-09\n"


def test_stage_dates_are_kept_as_written_in_stage_order():
    shuffled = "stages:\n  落实: 2024-09\n  选题: 2024-05\n  协商: 2024-06-18\n"
    for stages in (STAGES_EXAMPLE, shuffled):
        result = tree({CASE_PATH: case_yaml(extra=stages)})
        assert result.problems == [], messages(result)
        assert the_case(result).stages == (
            ("选题", PartialDate(2024, 5)), ("协商", PartialDate(2024, 6, 18)), ("落实", PartialDate(2024, 9)),
        )  # fmt: skip


def test_status_defaults_to_the_last_dated_stage():
    assert the_case(tree({CASE_PATH: case_yaml(extra=STAGES_EXAMPLE)})).status == "落实"
    two = "stages:\n  选题: 2024-05\n  调研: 2024-06\n"
    assert the_case(tree({CASE_PATH: case_yaml(extra=two)})).status == "调研"


def test_status_without_stages_still_defaults_to_the_consultation():
    published = the_case(tree({CASE_PATH: case_yaml()}))
    assert (published.status, published.stages) == ("协商", ())


@pytest.mark.parametrize("status", ["落实", "办理"])
def test_status_at_or_beyond_the_last_dated_stage_is_accepted(status):
    stages = "stages:\n  选题: 2024-05\n  协商: 2024-06-18\n"
    result = tree({CASE_PATH: case_yaml(extra=f"status: {status}\n{stages}")})
    assert result.problems == [], messages(result)
    assert the_case(result).status == status


def test_status_earlier_than_a_dated_stage_is_an_error():
    result = tree({CASE_PATH: case_yaml(extra="status: 协商\n" + STAGES_EXAMPLE)})
    error = only_error(result, "status")
    assert error.code == "status-before-stage"
    assert "落实" in error.message


def test_a_stage_dated_after_a_later_stage_is_an_error():
    stages = "stages:\n  选题: 2024-07\n  协商: 2024-06-18\n"
    result = tree({CASE_PATH: case_yaml(extra=stages)})
    assert len(result.errors) == 1, messages(result)
    error = result.errors[0]
    assert error.code == "stages-out-of-order"
    assert error.field.startswith("stages")
    assert "选题" in error.message and "协商" in error.message


@pytest.mark.parametrize(
    "stages",
    [
        "stages:\n  选题: 2024-06\n  协商: 2024-06-18\n",  # a month holding the later day
        "stages:\n  协商: 2024-06-18\n  报送: 2024-06-18\n",  # the same day
        "stages:\n  调研: 2024\n  协商: 2024-06-18\n",  # a year holding the later day
        "stages:\n  协商: 2024-06-18\n  落实: 2024\n",
    ],
)
def test_stages_whose_periods_overlap_are_in_order(stages):
    result = tree({CASE_PATH: case_yaml(extra=stages)})
    assert result.problems == [], messages(result)


def test_an_unknown_stage_is_an_error_listing_the_stages_in_order():
    result = tree({CASE_PATH: case_yaml(extra="stages:\n  完成: 2024-09\n")})
    assert len(result.errors) == 1, messages(result)
    error = result.errors[0]
    assert error.src_uri == CASE_PATH and error.field.startswith("stages")
    assert "'完成'" in error.message
    assert "、".join(CONTRACT_STAGES) in error.message


@pytest.mark.parametrize("empty", ["", "''", "null"])
def test_a_stage_without_a_date_is_an_error(empty):
    result = tree({CASE_PATH: case_yaml(extra=f"stages:\n  选题: 2024-05\n  落实: {empty}\n")})
    assert len(result.errors) == 1, messages(result)
    error = result.errors[0]
    assert error.field == "stages.落实"
    assert "YYYY-MM-DD" in error.message


@pytest.mark.parametrize("written", ["2024-13", "九月", "2024-09-"])
def test_a_stage_date_that_is_not_a_date_is_an_error_of_that_stage(written):
    result = tree({CASE_PATH: case_yaml(extra=f"stages:\n  落实: {written}\n")})
    error = only_error(result, "stages.落实")
    assert "YYYY-MM-DD" in error.message


def test_a_stage_date_written_loosely_is_an_error_giving_the_form_to_write():
    result = tree({CASE_PATH: case_yaml(extra="stages:\n  落实: 2024/09\n")})
    error = only_error(result, "stages.落实")
    assert error.code == "date-loose-form" and "请写成 2024-09" in error.message


@pytest.mark.parametrize("value", ["[选题, 协商]", "落实", "2024-06-18"])
def test_stages_that_are_not_stage_date_lines_is_an_error(value):
    result = tree({CASE_PATH: case_yaml(extra=f"stages: {value}\n")})
    only_error(result, "stages")
