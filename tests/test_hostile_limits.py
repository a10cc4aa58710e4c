"""Hostile or mistaken content: every limit is a problem naming the file and the field or line, never a hang.

Each test writes a small real site (brand rong, district minhou, one good case
`cases/2024/good.md`) plus one hostile file, then runs, as an editor would:

- `mkdocs build` (and `mkdocs build --strict` when only warnings are expected),
- `scripts/check.py --format json -f mkdocs.yml`,
- the catalogue a build publishes (`load_tree`), in a subprocess.

Every run has a hang guard (`HANG_GUARD` seconds) but no timing assertion. What every
test asserts about a problem (see `expect`):

- check.py reports it with its stable `code`, severity, file and field or line;
- the build prints the very same line (`ERROR   -  shangliang: <file>: <field>: <message>`);
- an error makes `mkdocs build` exit 1, a warning only `mkdocs build --strict`;
- nothing prints a traceback, and no problem line holds a raw control character
  (ESC, NUL, BEL, a bidirectional override): they are written as escapes (`\\x1b`);
- no case file is dropped silently (`assert_never_dropped`): every case file is
  published (in the catalogue, and after a successful build in data/cases.json and on
  its district's page) or a problem names it.

The helpers here are also used by `test_hostile_files.py`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sites import REPO, Site, case, make_site, page, with_minhou

HANG_GUARD = 60
"""Seconds any one command may take before the test fails: a guard against hangs, not a timing test."""

CHECK = REPO / "scripts" / "check.py"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life notice is in colour (raw ESC)
RAW_CONTROLS = ("\x00", "\x1b", "\x07", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")
PROBLEM_LINE = re.compile(r"^(ERROR|WARNING) +- +shangliang: (.*)$", re.MULTILINE)
HOSTILE = "cases/2024/x.md"
GOOD = "cases/2024/good.md"

# The catalogue a build would publish, read the way check.py reads the tree (run in a subprocess,
# so that a hostile file that crashes or hangs the reader fails the test instead of the test run).
PUBLISHED = """\
import json, sys
from pathlib import Path
from shangliang.content.tree import SiteSettings, load_tree
result = load_tree(SiteSettings.from_config_file(Path(sys.argv[1])))
print(json.dumps([case.src_uri for case in result.catalogue.cases]))
"""


# -- running a site ---------------------------------------------------------------------------


@dataclass
class Outcome:
    """What an editor sees of one tree: the build, the strict build, check.py's JSON, the catalogue."""

    site: Site
    build: subprocess.CompletedProcess[str]
    strict: subprocess.CompletedProcess[str] | None
    check: subprocess.CompletedProcess[str]
    report: dict[str, Any]
    catalogue: subprocess.CompletedProcess[str]

    @property
    def problems(self) -> list[dict[str, Any]]:
        return self.report["problems"]

    def build_lines(self) -> list[str]:
        """The build's problem lines as check.py writes them: `error: <file>: <field>: <message>`."""
        return [f"{level.lower()}: {text}" for level, text in PROBLEM_LINE.findall(self.build.stderr)]

    @property
    def published(self) -> list[str]:
        """The cases the catalogue publishes (what a build, or a preview despite errors, shows)."""
        assert self.catalogue.returncode == 0, f"reading the tree failed:\n{self.catalogue.stderr[-3000:]}"
        return json.loads(self.catalogue.stdout)

    def explain(self) -> str:
        return (
            "check.py reported:\n"
            + "\n".join(p.get("text", str(p)) for p in self.problems)
            + f"\n\nmkdocs build exited {self.build.returncode}; its stderr ends:\n{self.build.stderr[-3000:]}"
        )


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=HANG_GUARD, env=ENV,
                          errors="surrogateescape")  # fmt: skip


def mkdocs_build(site: Site, *args: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "mkdocs", "build", *args], site.root)


def examine(site: Site, *, strict: bool = False) -> Outcome:
    """Build the site (and build it strictly, if asked), check it with check.py, read its catalogue."""
    build = mkdocs_build(site)
    strict_build = mkdocs_build(site, "--strict") if strict else None
    check = run([sys.executable, str(CHECK), "--format", "json", "-f", str(site.root / "mkdocs.yml")], REPO)
    assert check.returncode in (0, 1), f"check.py exited {check.returncode}:\n{check.stderr[-3000:]}"
    assert "Traceback" not in check.stderr, check.stderr
    report = json.loads(check.stdout)
    catalogue = run([sys.executable, "-c", PUBLISHED, str(site.root / "mkdocs.yml")], REPO)
    return Outcome(site, build, strict_build, check, report, catalogue)


def hostile_site(
    root: Path, text: str | bytes, src_uri: str = HOSTILE, others: dict[str, str | bytes] | None = None
) -> Site:
    """The smallest valid tree, one good case, and `text` at `src_uri`."""
    files: dict[str, str | bytes] = with_minhou({
        GOOD: page(case("好案例照常发布", "2024-01-02", "minhou"), "正文。"),
        src_uri: text,
    })  # fmt: skip
    files.update(others or {})
    return make_site(root, files)


def case_text(extra: str = "", *, title: str = '"推进县域电商直播基地建设"', date: str = "2024-06-18",
              body: str = "委员与商务部门一起商量。") -> str:  # fmt: skip
    """A case written out line by line, so that tests know which line of the file holds what."""
    extra = extra if not extra or extra.endswith("\n") else extra + "\n"
    return f"---\ntitle: {title}\ndate: {date}\ndistrict: minhou\nformat: 微协商\n{extra}---\n\n{body}\n"


def line_number(text: str, needle: str) -> int:
    """The 1-based line of the file on which `needle` first occurs."""
    return text[: text.index(needle)].count("\n") + 1


# -- what every problem must look like ----------------------------------------------------------


def assert_printable(text: str, what: str) -> None:
    for char in RAW_CONTROLS:
        assert char not in text, f"{what} holds a raw U+{ord(char):04X}; it must be printed escaped: {text!r}"


def expect(
    outcome: Outcome,
    code: str,
    severity: str,
    *,
    src_uri: str = HOSTILE,
    field: str | None = None,
    names_where: bool = True,
) -> dict[str, Any]:
    """The problem `code` of `src_uri`, checked as every problem must be; returns check.py's record."""
    found = [p for p in outcome.problems if p["file"] == src_uri and p.get("code") == code]
    assert found, f"no problem with code {code!r} on {src_uri}\n{outcome.explain()}"
    problem = found[0]
    assert problem["severity"] == severity, problem
    if field is not None:
        assert problem["field"] == field, problem
    if names_where:
        assert problem["field"] or problem["line"] is not None, f"names neither a field nor a line: {problem}"
    assert problem["message"], problem

    # The build prints the same line, escaped, without a traceback.
    assert "Traceback" not in outcome.build.stderr, outcome.build.stderr[-5000:]
    printed = outcome.build_lines()
    assert problem["text"] in printed, f"the build does not print {problem['text']!r}\n{outcome.explain()}"
    for line in outcome.build_lines():
        assert_printable(line, "a problem line of the build")
    assert_printable(outcome.build.stderr, "the build's stderr")
    assert_printable(problem["text"], "check.py's text of the problem")

    errors = [p for p in outcome.problems if p["severity"] == "error"]
    if errors:
        assert outcome.build.returncode == 1, outcome.explain()
        assert outcome.check.returncode == 1
    else:
        assert outcome.build.returncode == 0, outcome.explain()
        if outcome.strict is not None:
            assert outcome.strict.returncode == 1, "a warning fails `mkdocs build --strict`"
            assert "Traceback" not in outcome.strict.stderr
    if severity == "error":
        assert outcome.build.returncode == 1, outcome.explain()
    assert_never_dropped(outcome)
    assert_no_nul_in_output(outcome.site)
    return problem


def case_files(content: Path) -> list[str]:
    """Every Markdown file under a `cases` folder (in any letter case), as MkDocs lists them."""
    found = []
    for folder, folders, names in os.walk(content, followlinks=True):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            src_uri = (Path(folder) / name).relative_to(content).as_posix()
            parts = src_uri.split("/")
            if name.endswith(".md") and len(parts) >= 2 and parts[0].lower() == "cases":
                found.append(src_uri)
    return sorted(found)


def assert_never_dropped(outcome: Outcome) -> None:
    """Every case file is published, or a problem names it (or a folder it is in)."""
    named = {problem["file"].rstrip("/") for problem in outcome.problems}
    published = set(outcome.published)
    records: dict[str, dict[str, Any]] = {}
    if outcome.build.returncode == 0:
        data = json.loads((outcome.site.site_dir / "data" / "cases.json").read_text(encoding="utf-8"))
        records = {record["src"]: record for record in data["cases"]}
    for src_uri in case_files(outcome.site.content):
        if src_uri in named or any(src_uri.startswith(folder + "/") for folder in named):
            continue
        assert src_uri in published, f"{src_uri} dropped silently: not published and no problem names it"
        if outcome.build.returncode == 0:
            assert src_uri in records, f"{src_uri} is missing from data/cases.json"
            record = records[src_uri]
            path = record["url"].split("://", 1)[-1].split("/", 1)[1]  # cases/2024/x/
            for district in record["districts"]:
                listing = outcome.site.html(f"districts/{district['key']}/")
                assert path in listing, f"{src_uri} is not listed on districts/{district['key']}/"


def assert_no_nul_in_output(site: Site) -> None:
    """No NUL byte reaches a built page, feed or export (data/cases.csv included)."""
    if not site.site_dir.exists():
        return
    for path in site.site_dir.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".csv", ".txt"}:
            assert b"\x00" not in path.read_bytes(), f"a NUL byte in {path.relative_to(site.site_dir)}"


def builds_cleanly(outcome: Outcome) -> None:
    """A tree that must build, also strictly, with no problem at all."""
    assert outcome.problems == [], outcome.explain()
    assert outcome.build.returncode == 0, outcome.explain()
    assert outcome.strict is not None and outcome.strict.returncode == 0, outcome.strict and outcome.strict.stderr
    assert "Traceback" not in outcome.build.stderr
    assert_never_dropped(outcome)


def mentions_line(message: str, line: int) -> bool:
    return re.search(rf"\bline {line}\b", message) is not None


# -- Markdown nesting ---------------------------------------------------------------------------


def nested_list(levels: int, step: int) -> str:
    return "\n".join(" " * (step * level) + f"- 第{level + 1}层" for level in range(levels))


DEEP_BODIES = {
    "one-line-list": "- " * 5000 + "最深一层",
    "one-line-ordered-list": "1. " * 5000 + "最深一层",
    "blockquote": "> " * 5000 + "最深一层",
    "quote-in-list": "> - " * 2500 + "最深一层",
    "list-2-spaces-700-lines": nested_list(700, 2),  # 0.5 MB: under the size limit, so nesting must say so
    "list-4-spaces-500-lines": nested_list(500, 4),  # how Python-Markdown nests lists
}


@pytest.mark.parametrize("body", DEEP_BODIES.values(), ids=DEEP_BODIES.keys())
def test_markdown_nested_thousands_deep_is_an_error_naming_the_line(tmp_path: Path, body: str) -> None:
    hostile = f"第一段。\n\n{body}\n\n最后一段。"
    text = case_text(body=hostile)
    outcome = examine(hostile_site(tmp_path, text))
    problem = expect(outcome, "nesting-too-deep", "error")
    first, last = line_number(text, body[:40]), line_number(text, "最后一段") - 2
    assert problem["line"] is not None and first <= problem["line"] <= last, (problem, first, last)
    assert mentions_line(problem["message"], problem["line"]), problem


def test_a_list_5000_levels_deep_indented_two_spaces_a_level_is_refused(tmp_path: Path) -> None:
    """The literal 5,000-level list is 25 MB of indentation: refused as too deep or as too large."""
    outcome = examine(hostile_site(tmp_path, case_text(body=nested_list(5000, 2))))
    codes = {str(p.get("code")) for p in outcome.problems if p["file"] == HOSTILE and p["severity"] == "error"}
    refused = sorted(codes & {"nesting-too-deep", "file-too-large"})
    assert refused, outcome.explain()
    expect(outcome, refused[0], "error", names_where=False)


SHALLOW_BODIES = {
    "list-10-levels": nested_list(9, 4) + "\n" + " " * 36 + "- 最深一层",
    "one-line-list-10": "- " * 10 + "最深一层",
    "blockquote-10": "> " * 10 + "最深一层",
}


@pytest.mark.parametrize("body", SHALLOW_BODIES.values(), ids=SHALLOW_BODIES.keys())
def test_markdown_nested_ten_levels_builds(tmp_path: Path, body: str) -> None:
    outcome = examine(hostile_site(tmp_path, case_text(body=f"第一段。\n\n{body}\n")), strict=True)
    builds_cleanly(outcome)
    assert "最深一层" in outcome.site.html("cases/2024/x/")


# -- file size ----------------------------------------------------------------------------------


def test_a_case_file_over_one_mebibyte_is_an_error(tmp_path: Path) -> None:
    paragraph = "委员们围绕路灯建设提出意见。" * 20 + "\n\n"
    body = paragraph * (2 * 1024 * 1024 // len(paragraph.encode()) + 1)  # 2 MiB
    text = case_text(body=body)
    assert len(text.encode()) > 2 * 1024 * 1024
    outcome = examine(hostile_site(tmp_path, text))
    expect(outcome, "file-too-large", "error", names_where=False)


# -- YAML ---------------------------------------------------------------------------------------


def block_mapping(levels: int) -> str:
    return "source:\n" + "".join("  " * level + "a:\n" for level in range(1, levels + 1)) + "  " * (levels + 1) + "b"


DEEP_YAML = {
    "tags-list-50": "tags: " + "[" * 50 + "电商" + "]" * 50,
    "tags-list-5000": "tags: " + "[" * 5000 + "电商" + "]" * 5000,
    "tags-list-100000": "tags: " + "[" * 100_000 + "电商" + "]" * 100_000,  # 0.2 MB; crashes a C YAML parser
    "source-flow-mapping-50": "source: " + "{a: " * 50 + "b" + "}" * 50,
    "source-block-mapping-50": block_mapping(50),
    "lists-of-mappings-50": "departments: " + "[{a: " * 25 + "b" + "}]" * 25,
}


@pytest.mark.parametrize("extra", DEEP_YAML.values(), ids=DEEP_YAML.keys())
def test_front_matter_nested_deeper_than_20_is_an_error(tmp_path: Path, extra: str) -> None:
    outcome = examine(hostile_site(tmp_path, case_text(extra)))
    expect(outcome, "yaml-too-deep", "error")


def test_front_matter_nested_a_few_levels_is_fine(tmp_path: Path) -> None:
    extra = "source:\n  name: 人民政协报\n  url: https://example.org/a\n  date: 2024-06-20\ntags: [电商, 乡村振兴]"
    builds_cleanly(examine(hostile_site(tmp_path, case_text(extra)), strict=True))


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """The "billion laughs": each level a list of `width` aliases of the level below (9**9 values)."""
    lines = ["l0: &l0 [" + ", ".join(['"哈"'] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    return "\n".join(lines)


def test_a_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    outcome = examine(hostile_site(tmp_path, case_text(alias_bomb())))
    errors = [p for p in outcome.problems if p["file"] == HOSTILE and p["severity"] == "error"]
    assert [p["field"] for p in errors] == ["front matter"], outcome.explain()
    assert "alias" in errors[0]["message"]
    expect(outcome, errors[0].get("code", ""), "error", field="front matter")


def test_a_field_written_twice_is_an_error_naming_the_key_and_the_second_line(tmp_path: Path) -> None:
    text = case_text("members: 8\ndistrict: gulou\n")
    second = line_number(text, "district: gulou")
    outcome = examine(hostile_site(tmp_path, text))
    problem = expect(outcome, "yaml-duplicate-key", "error")
    assert "district" in problem["message"], problem
    assert mentions_line(problem["message"], second), problem


def test_a_key_written_twice_inside_source_is_an_error_too(tmp_path: Path) -> None:
    text = case_text("source:\n  name: 人民政协报\n  url: https://example.org/a\n  name: 福州日报\n")
    second = line_number(text, "name: 福州日报")
    outcome = examine(hostile_site(tmp_path, text))
    problem = expect(outcome, "yaml-duplicate-key", "error")
    assert "name" in problem["message"], problem
    assert mentions_line(problem["message"], second), problem


# -- control characters -------------------------------------------------------------------------

CONTROLS = {"NUL": ("\\0", "\x00"), "ESC": ("\\e", "\x1b"), "BEL": ("\\a", "\x07")}


@pytest.mark.parametrize(("escape", "char"), CONTROLS.values(), ids=CONTROLS.keys())
def test_a_control_character_in_the_title_is_an_error_naming_field_and_position(
    tmp_path: Path, escape: str, char: str
) -> None:
    # 路灯夜里亮了 is six characters: the control character is the 7th.
    outcome = examine(hostile_site(tmp_path, case_text(title=f'"路灯夜里亮了{escape}[31m红色"')))
    problem = expect(outcome, "control-character", "error", field="title")
    assert re.search(r"(?<!\d)7(?!\d)", problem["message"]), f"names the character's position (7th): {problem}"


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ('venue: "甘蔗街道\\e[2J委员联系点"', "venue"),
        ('tags: [电商, "乡村\\a振兴"]', "tags"),
        ('source:\n  name: "人民\\0政协报"', "source"),
        ('summary: "一段\\x1b]0;标题\\x07摘要"', "summary"),
    ],
    ids=["venue-ESC", "tags-BEL", "source-name-NUL", "summary-OSC"],
)
def test_a_control_character_in_any_front_matter_text_is_an_error_naming_the_field(
    tmp_path: Path, extra: str, field: str
) -> None:
    outcome = examine(hostile_site(tmp_path, case_text(extra)))
    problem = expect(outcome, "control-character", "error")
    assert re.split(r"[.\[]", problem["field"])[0] == field, problem


@pytest.mark.parametrize("char", [char for _, char in CONTROLS.values()], ids=CONTROLS.keys())
def test_a_control_character_in_the_body_is_an_error_naming_the_line(tmp_path: Path, char: str) -> None:
    text = case_text(body=f"第一段。\n\n第二段有控制字符{char}[31m在这里。\n\n第三段。")
    line = line_number(text, "第二段")
    outcome = examine(hostile_site(tmp_path, text.encode("utf-8")))
    problem = expect(outcome, "control-character", "error")
    assert problem["line"] == line, problem
    assert mentions_line(problem["message"], line), problem


# -- bidirectional and invisible text -----------------------------------------------------------

BIDI = {"RLO": "\\u202e", "LRI": "\\u2066", "RLI": "\\u2067", "FSI": "\\u2068", "PDI": "\\u2069"}


@pytest.mark.parametrize("escape", BIDI.values(), ids=BIDI.keys())
def test_a_bidirectional_control_in_the_title_is_a_warning(tmp_path: Path, escape: str) -> None:
    outcome = examine(hostile_site(tmp_path, case_text(title=f'"推进{escape}设建灯路"')), strict=True)
    expect(outcome, "bidi-control", "warning", field="title")


def test_a_bidirectional_control_in_the_venue_is_a_warning(tmp_path: Path) -> None:
    outcome = examine(hostile_site(tmp_path, case_text('venue: "甘蔗街道\\u202e点系联员委"')), strict=True)
    expect(outcome, "bidi-control", "warning", field="venue")


ZERO_WIDTH = {"ZWSP": "\\u200b", "ZWNJ": "\\u200c", "ZWJ": "\\u200d", "WJ": "\\u2060", "BOM": "\\ufeff"}


@pytest.mark.parametrize("escape", ZERO_WIDTH.values(), ids=ZERO_WIDTH.keys())
def test_a_title_of_zero_width_characters_only_is_an_error(tmp_path: Path, escape: str) -> None:
    outcome = examine(hostile_site(tmp_path, case_text(title=f'"{escape}{escape}{escape}"')))
    expect(outcome, "invisible-text", "error", field="title")
    assert HOSTILE not in outcome.published, "a case without a visible title is not published"


def test_a_title_of_zero_width_characters_and_spaces_is_an_error(tmp_path: Path) -> None:
    outcome = examine(hostile_site(tmp_path, case_text(title='"\\u200b \\u200d\\u3000\\ufeff"')))
    expect(outcome, "invisible-text", "error", field="title")


def test_a_venue_of_zero_width_characters_only_is_a_warning(tmp_path: Path) -> None:
    outcome = examine(hostile_site(tmp_path, case_text('venue: "\\u200b\\u2060"')), strict=True)
    expect(outcome, "invisible-text", "warning", field="venue")


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


# -- everything at once -------------------------------------------------------------------------


def test_many_hostile_files_in_one_tree_are_all_reported_and_the_good_case_kept(tmp_path: Path) -> None:
    """One tree holding a hostile file of each kind: each is named, the good case is still published."""
    ahead = dt.date.today() + dt.timedelta(days=400)
    files: dict[str, str | bytes] = {
        "cases/2024/deep.md": case_text(body="- " * 5000 + "x"),
        "cases/2024/quote.md": case_text(body="> " * 5000 + "x"),
        "cases/2024/yaml.md": case_text("tags: " + "[" * 50 + "a" + "]" * 50),
        "cases/2024/twice.md": case_text("district: minhou"),
        "cases/2024/nul.md": case_text(title='"路灯\\0亮了"'),
        "cases/2024/esc.md": case_text(body="第一段\x1b[31m。").encode(),
        "cases/2024/members.md": case_text("members: 100000000000000000000000"),
        "cases/2024/highlight.md": case_text("highlight: 1999"),
        "cases/2024/blank.md": case_text(title='"\\u200b\\u200b"'),
        "cases/2024/bidi.md": case_text(title='"推进\\u202e设建"'),
        f"cases/{ahead.year}/future.md": case_text(date=ahead.isoformat()),
    }
    site = hostile_site(tmp_path, case_text(), others=files)
    outcome = examine(site)
    expected = {
        "cases/2024/deep.md": "nesting-too-deep", "cases/2024/quote.md": "nesting-too-deep",
        "cases/2024/yaml.md": "yaml-too-deep", "cases/2024/twice.md": "yaml-duplicate-key",
        "cases/2024/nul.md": "control-character", "cases/2024/esc.md": "control-character",
        "cases/2024/members.md": "implausible-number", "cases/2024/highlight.md": "highlight-before-date",
        "cases/2024/blank.md": "invisible-text", "cases/2024/bidi.md": "bidi-control",
        f"cases/{ahead.year}/future.md": "future-date",
    }  # fmt: skip
    for src_uri, code in expected.items():
        severity = "warning" if code in {"bidi-control", "future-date"} else "error"
        expect(outcome, code, severity, src_uri=src_uri, names_where=False)
    assert {GOOD, HOSTILE} <= set(outcome.published)
