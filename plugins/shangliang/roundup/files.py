"""Roundup files on disk: what each year's file and charts should be, whether they are, writing them.

`plan_roundups` works out, for each year, the roundup file's new text (the editor's
file with its generated blocks brought up to date) and its charts. A plan is current
when the file already has that text and every chart file carries the fingerprint of
what it should show; checking this draws nothing. `RoundupPlan.write` writes only
what differs, so a second run writes nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from shangliang.messages.wording import Template
from shangliang.model import Problem, Severity
from shangliang.pages.grouping import Index
from shangliang.roundup.blocks import render, roundup_uri
from shangliang.roundup.charts import ColumnChart, column_chart_svg, fingerprint_of
from shangliang.roundup.figures import roundups_of
from shangliang.roundup.merge import RoundupFileError, merge, new_file
from shangliang.roundup.writing import ROUNDUP_DIR


@dataclass(frozen=True)
class ChartFile:
    src_uri: str
    path: Path
    chart: ColumnChart

    def is_current(self) -> bool:
        try:
            with self.path.open("rb") as handle:
                head = handle.read(1000)
        except OSError:
            return False
        return fingerprint_of(head) == self.chart.fingerprint()

    def write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_bytes(column_chart_svg(self.chart))


@dataclass(frozen=True)
class RoundupPlan:
    year: int
    src_uri: str
    path: Path
    old_text: str | None
    """The file as it is (None: there is no file yet)."""
    new_text: str
    charts: tuple[ChartFile, ...]

    @property
    def text_is_current(self) -> bool:
        return self.old_text == self.new_text

    def stale_charts(self) -> list[ChartFile]:
        return [chart for chart in self.charts if not chart.is_current()]

    def is_current(self) -> bool:
        return self.text_is_current and not self.stale_charts()

    def diff(self) -> str:
        """A unified diff from the file as it is to the file as it would be written."""
        old = self.old_text.splitlines(keepends=True) if self.old_text is not None else []
        before = f"a/{self.src_uri}" if self.old_text is not None else "/dev/null"
        lines = difflib.unified_diff(old, self.new_text.splitlines(keepends=True), before, f"b/{self.src_uri}")
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)

    def write(self) -> list[str]:
        """Write what differs; returns the `src_uri` of every file written."""
        written = []
        if not self.text_is_current:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(self.new_text.encode("utf-8"))
            written.append(self.src_uri)
        for chart in self.stale_charts():
            chart.write()
            written.append(chart.src_uri)
        return written


def plan_roundups(docs_dir: Path, index: Index, years: Iterable[int]) -> list[RoundupPlan]:
    """The plan of each year's roundup, in the order of `years`.

    Raises `RoundupFileError` naming the file when an existing roundup cannot be merged.
    """
    years = list(years)
    catalogue = index.catalogue
    highlight_years = set(index.highlight_years)
    plans = []
    for year, roundup in roundups_of(index, years).items():
        src_uri = roundup_uri(year)
        path = docs_dir / src_uri
        rendered = render(roundup, catalogue, highlight_page=year in highlight_years)
        old_text = _read(path, src_uri)
        new_text = new_file(year, rendered) if old_text is None else merge(old_text, rendered, src_uri=src_uri)
        charts = tuple(
            ChartFile(f"{ROUNDUP_DIR}/{name}", docs_dir / ROUNDUP_DIR / name, chart)
            for name, chart in rendered.charts.items()
        )
        plans.append(RoundupPlan(year, src_uri, path, old_text, new_text, charts))
    return plans


ROUNDUP_COMMAND = "make roundups"
"""The one command that brings every roundup up to date (`.venv/bin/python scripts/roundup.py --all`)."""


def stale_roundups(docs_dir: Path, index: Index) -> list[Problem]:
    """A warning for each roundup the editors keep (a `roundups/<year>.md` exists) that the cases have outdated.

    Years without a roundup file are not a problem: a committee may write none.
    """
    try:
        plans = plan_roundups(docs_dir, index, index.roundup_years)
    except RoundupFileError as error:
        src_uri, _, reason = str(error).partition(": ")
        return [Problem(src_uri, "", code="roundup-unreadable", params={"reason": reason}, severity=Severity.WARNING)]
    return [
        Problem(plan.src_uri, "", code="roundup-stale", params={"command": ROUNDUP_COMMAND}, severity=Severity.WARNING)
        for plan in plans
        if not plan.is_current()
    ]


def _read(path: Path, src_uri: str) -> str | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise RoundupFileError(src_uri, UNREADABLE, reason=error.strerror) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RoundupFileError(src_uri, NOT_UTF8, byte=error.start) from None


UNREADABLE = Template("读不了这个文件（{reason}）", "cannot read the file ({reason})")
NOT_UTF8 = Template("不是 UTF-8 文本（第 {byte} 个字节）；请另存为 UTF-8",
                    "not UTF-8 text (byte {byte}); save it as UTF-8")
