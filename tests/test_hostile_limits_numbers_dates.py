"""Hostile or mistaken content: implausible numbers and dates are problems naming the field.

A number beyond its bound is an error naming the field and the bound; numbers at their
bounds build; a bound raised in mkdocs.yml lets a larger number build and is still a
bound. A date more than a month ahead is a warning, a week ahead is fine, and a
`highlight` year before the case is an error.

Each test writes a small real site plus one hostile file and runs `mkdocs build`,
check.py and the catalogue on it (`hostile_build.examine`); `hostile_build.expect` checks
each problem as every problem must look (code, severity, file and field or line, the
same line in the build, exit codes, no traceback, no raw control character, no case
dropped silently).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hostile_build import HOSTILE, builds_cleanly, case_text, examine, expect, hostile_site
from sites import Site

# -- implausible numbers ------------------------------------------------------------------------

BOUNDS = {"members": 10_000, "participants": 1_000_000, "problems_solved": 10_000}


@pytest.mark.parametrize("field", BOUNDS)
@pytest.mark.parametrize("value", [100_000_000_000_000_000_000_000, "bound+1"], ids=["1e23", "bound+1"])
def test_a_number_beyond_its_bound_is_an_error_naming_field_and_bound(
    tmp_path: Path, field: str, value: int | str
) -> None:
    number = BOUNDS[field] + 1 if value == "bound+1" else value
    outcome = examine(hostile_site(tmp_path, case_text(f"{field}: {number}")))
    problem = expect(outcome, "implausible-number", "error", field=field)
    assert str(BOUNDS[field]) in problem["message"].replace(",", "").replace(" ", ""), problem


def test_numbers_at_their_bounds_build(tmp_path: Path) -> None:
    extra = "".join(f"{field}: {bound}\n" for field, bound in BOUNDS.items())
    builds_cleanly(examine(hostile_site(tmp_path, case_text(extra)), strict=True))


RAISED = {"members": ("max_members", 200_000, 150_000),
          "participants": ("max_participants", 5_000_000, 2_000_000),
          "problems_solved": ("max_problems_solved", 50_000, 20_000)}  # fmt: skip


def raise_bound(site: Site, option: str, bound: int) -> None:
    config = site.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      search: false\n" in text
    config.write_text(text.replace("      search: false\n", f"      search: false\n      {option}: {bound}\n"),
                      encoding="utf-8")  # fmt: skip


@pytest.mark.parametrize("field", RAISED)
def test_a_bound_raised_in_mkdocs_yml_lets_a_large_number_build(tmp_path: Path, field: str) -> None:
    option, bound, value = RAISED[field]
    site = hostile_site(tmp_path, case_text(f"{field}: {value}"))
    raise_bound(site, option, bound)
    outcome = examine(site, strict=True)
    builds_cleanly(outcome)
    record = next(r for r in json.loads(site.site_dir.joinpath("data/cases.json").read_text())["cases"]
                  if r["src"] == HOSTILE)  # fmt: skip
    assert record[field] == value


@pytest.mark.parametrize("field", RAISED)
def test_a_raised_bound_is_still_a_bound(tmp_path: Path, field: str) -> None:
    option, bound, _ = RAISED[field]
    site = hostile_site(tmp_path, case_text(f"{field}: {bound + 1}"))
    raise_bound(site, option, bound)
    problem = expect(examine(site), "implausible-number", "error", field=field)
    assert str(bound) in problem["message"].replace(",", "").replace(" ", ""), problem


# -- dates --------------------------------------------------------------------------------------


def test_a_date_more_than_a_month_ahead_is_a_warning(tmp_path: Path) -> None:
    ahead = dt.date.today() + dt.timedelta(days=400)
    src_uri = f"cases/{ahead.year}/x.md"
    site = hostile_site(tmp_path, case_text(date=ahead.isoformat()), src_uri=src_uri)
    expect(examine(site, strict=True), "future-date", "warning", src_uri=src_uri, field="date")


def test_a_date_a_week_ahead_is_fine(tmp_path: Path) -> None:
    soon = dt.date.today() + dt.timedelta(days=7)
    site = hostile_site(tmp_path, case_text(date=soon.isoformat()), src_uri=f"cases/{soon.year}/x.md")
    builds_cleanly(examine(site, strict=True))


def test_a_highlight_year_before_the_case_is_an_error(tmp_path: Path) -> None:
    outcome = examine(hostile_site(tmp_path, case_text("highlight: 1999")))
    expect(outcome, "highlight-before-date", "error", field="highlight")
