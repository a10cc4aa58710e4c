"""`roundup.py --dry-run`'s summary: what rewriting a year's roundup would change, in a few readable lines.

`summary_lines` turns the `RoundupChanges` of one roundup (`roundup.changes`) into lines
for an editor, before the diff:

    2024年度综述（roundups/2024.md）将有这些改动：
      总体数据
        案例：2024年 3 → 4
        参与委员：2024年 13 → 19
      各区县子品牌
        榕你来商量（合计）：案例 3 → 4，参与委员 13 → 19
        鼓楼区 · 家在鼓楼，协商为民：案例 无 → 1，参与委员 无 → 6
      新列入的案例：“加强平安医院建设”（协商专报）
      改动的部分：总体数据、各区县子品牌、协商形式、办理进展、各月案例、协商专报
      将重画的图表：roundups/2024-months.svg

Figures and sections are named as the roundup names them (it is written in Chinese);
the words around them follow the run's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from shangliang.cli import roundup_texts as say
from shangliang.cli.language import joined
from shangliang.roundup.changes import FigureChange, ListedCase, RoundupChanges

INDENT = "  "


def summary_lines(year: int, src_uri: str, changes: RoundupChanges, redrawn: Sequence[str] = ()) -> list[str]:
    """The summary of one roundup; `redrawn`: the chart files (src_uri) that would be drawn again."""
    if changes.unchanged and not redrawn:
        return [say.SUMMARY_UNCHANGED(year=year, src_uri=src_uri)]
    head = say.SUMMARY_CREATED if changes.created else say.SUMMARY_CHANGES
    lines = [head(year=year, src_uri=src_uri)]
    figures = changes.figures
    if changes.created and figures:  # every figure is new: this year's headline figures are enough
        headline = (figures[0].section, figures[0].column)
        figures = tuple(change for change in figures if (change.section, change.column) == headline)
    lines += _figure_lines(figures, created=changes.created)
    if changes.added:
        lines.append(INDENT + (say.LISTED if changes.created else say.ADDED)(cases=_cases(changes.added)))
    if changes.removed:
        lines.append(INDENT + say.REMOVED(cases=_cases(changes.removed)))
    if not changes.created and _cases_unnamed(changes, year):
        lines.append(INDENT + say.CASES_NOTE())
    if changes.sections and not changes.created:
        lines.append(INDENT + say.SECTIONS(sections=joined(changes.sections)))
    if redrawn:
        lines.append(INDENT + say.CHARTS(charts=joined(list(redrawn))))
    return lines


_CASES_ROW = "案例"
"""The row of the headline figures that counts the year's cases (blocks._FIGURE_ROWS)."""


def _cases_unnamed(changes: RoundupChanges, year: int) -> bool:
    """The year's count of cases grows by more cases than are newly listed, or falls by more than are unlisted."""
    for change in changes.figures:
        if change.row == _CASES_ROW and change.column in ("", f"{year}年"):
            counted = _number(change.new) - _number(change.old)
            named = changes.added if counted > 0 else changes.removed
            return abs(counted) > len({case.src_uri for case in named})
    return False


def _number(figure: str | None) -> int:
    digits = (figure or "").replace(",", "")
    return int(digits) if digits.isdigit() else 0


def _figure_lines(figures: Sequence[FigureChange], *, created: bool) -> list[str]:
    """Each section's heading, then a line per row: `闽侯县：参与委员 5 → 8，参与人数 20 → 35`."""
    lines: list[str] = []
    section = None
    for (heading, row), changes in groupby(figures, key=lambda change: (change.section, change.row)):
        if heading != section:
            section = heading
            lines.append(INDENT + heading)
        shown = [_figure(change, created=created) for change in changes]
        lines.append(INDENT * 2 + say.FIGURE_ROW(row=row, figures=say.FIGURES_JOINED().join(shown)))
    return lines


def _figure(change: FigureChange, *, created: bool) -> str:
    """`参与委员 5 → 8`, or `5 → 8` in a table of one column; a new file's figure alone: `参与委员 8`."""
    figure = _shown(change.new) if created else say.FIGURE_CHANGE(old=_shown(change.old), new=_shown(change.new))
    return f"{change.column} {figure}" if change.column else figure


def _shown(figure: str | None) -> str:
    return say.NO_FIGURE() if figure is None else figure


def _cases(cases: Sequence[ListedCase]) -> str:
    """`“甲”（优秀案例、协商专报）、“乙”（协商专报）`: each case once, with every section that lists it."""
    sections: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for case in cases:
        sections.setdefault(case.src_uri, []).append(case.section)
        titles.setdefault(case.src_uri, case.title)
    return joined([say.LISTED_CASE(title=titles[uri], sections=joined(sections[uri])) for uri in sections])
