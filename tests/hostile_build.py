"""Hostile or mistaken content: a small real site holding one hostile file, run as an editor would.

The helpers of the `test_hostile_limits*.py` tests (and of `test_hostile_files.py`).
`hostile_site` writes a small real site (brand rong, district minhou, one good case
`cases/2024/good.md`) plus one hostile file; `examine` then runs:

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
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
        """The build's problem lines without their level: `<file>: <field>: <message>`."""
        return [text for _, text in PROBLEM_LINE.findall(self.build.stderr)]

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
    line = problem["text"].split(": ", 1)[1]  # after check.py's severity (错误, 警告)
    assert line in printed, f"the build does not print {line!r}\n{outcome.explain()}"
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
    """The message names the file's line `line` (第 3 行, or in English line 3)."""
    return re.search(rf"第 {line} 行|\bline {line}\b", message) is not None
