"""A roundup as Markdown: the generated blocks, one per part of the roundup.

`render` turns a `Roundup` into named blocks of Markdown (`BLOCKS`, in page order) and
the charts they show; `merge` puts the blocks into the editor's file. Text from
front matter (titles, summaries, names) is escaped, so it shows as written and is never
read as Markdown or HTML. Links point at the content files, so MkDocs checks them.

Figures follow content model v2: the sums over the published cases are labelled as
what this site holds (本站收录); a committee's official figure is shown as published,
labelled as the committee's (委员会公布) with its source, beside those sums and never
in their place. A figure that no case states and no committee published is left out,
and the text says so; it never shows as a dash or a 0.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from shangliang.content.figures import FIGURE_LABELS
from shangliang.model import Brand, Case, Catalogue, District, Source
from shangliang.pages import chinese
from shangliang.pages.grouping import Figures
from shangliang.roundup.charts import ColumnChart
from shangliang.roundup.figures import Commended, Published, Roundup
from shangliang.roundup.writing import NOT_FILLED, external_link, link, text
from shangliang.roundup.writing import as_published as _as_published
from shangliang.roundup.writing import number as _number
from shangliang.roundup.writing import percent as _percent
from shangliang.roundup.writing import stated as _stated
from shangliang.roundup.writing import with_change as _with_change
from shangliang.urls import highlights_src, roundup_src

BLOCKS: tuple[str, ...] = (
    "figures", "districts", "formats", "stages", "months", "highlights", "topics", "bulletins",
)
IMPLEMENTED = "落实"
COLLECTED = "本站收录"
OFFICIAL = "委员会公布"
"""A table cell whose figure none of the row's cases states (the column is there for the other rows)."""


# --------------------------------------------------------------------------- names of things


def roundup_uri(year: int) -> str:
    return roundup_src(year)


def months_chart_name(year: int) -> str:
    """The chart's file name, next to the roundup file."""
    return f"{year}-months.svg"


def title_of(year: int) -> str:
    return f"{year}年度综述"


# --------------------------------------------------------------------------- the blocks


@dataclass(frozen=True)
class Rendered:
    """The generated blocks of one roundup (name → Markdown, each ending in a newline) and its charts."""

    blocks: dict[str, str]
    charts: dict[str, ColumnChart]
    """Chart file name (next to the roundup file) → what it shows."""


def render(roundup: Roundup, catalogue: Catalogue, *, highlight_page: bool) -> Rendered:
    """Every generated block of `roundup`; `highlight_page`: the year has a highlight page to link to."""
    months = months_chart(roundup)
    writers: dict[str, Callable[[], list[str]]] = {
        "figures": lambda: _figures(roundup),
        "districts": lambda: _districts(roundup),
        "formats": lambda: _formats(roundup),
        "stages": lambda: _stages(roundup),
        "months": lambda: _months(roundup, months),
        "highlights": lambda: _highlights(roundup, catalogue, highlight_page),
        "topics": lambda: _topics(roundup),
        "bulletins": lambda: _bulletins(roundup),
    }
    blocks = {name: "\n".join(writers[name]()) + "\n" for name in BLOCKS}
    return Rendered(blocks, {months_chart_name(roundup.year): months})


def months_chart(roundup: Roundup) -> ColumnChart:
    """Cases by month; cases dated only by their year are in no column, and the alt text says how many."""
    counts = "，".join(f"{month}月{count}件" for month, count in enumerate(roundup.months, start=1))
    alt = f"{roundup.year}年各月案例数柱状图：{counts}，全年共{roundup.figures.cases}件"
    if roundup.months_unknown:
        alt += f"，其中{_number(roundup.months_unknown)}件只写明年份、月份不详，未计入图中"
    return ColumnChart(tuple(f"{month}月" for month in range(1, 13)), roundup.months, alt)


_FIGURE_ROWS: tuple[tuple[str, Callable[[Figures], int | None]], ...] = (
    ("案例", lambda f: f.cases),
    ("有案例的区县", lambda f: f.districts),
    ("参与委员", lambda f: f.members),
    ("参与人数", lambda f: f.participants),
    ("解决问题", lambda f: f.problems_solved),
    ("协商专报", lambda f: f.bulletins or None),  # no case names a bulletin: not stated, never a 0
)
"""The headline figures; a row whose figure no case of the year states is left out of the table."""

_STATED_COLUMNS: tuple[tuple[str, Callable[[Figures], int | None]], ...] = _FIGURE_ROWS[2:5]
"""The figures a case may leave out; the district table shows those that some case states."""

_COLLECTED_ITEMS: tuple[tuple[str, str, Callable[[Figures], int | None]], ...] = (
    ("案例", "件", lambda f: f.cases),
    ("参与委员", "人次", lambda f: f.members),
    ("参与人数", "人次", lambda f: f.participants),
    ("解决问题", "个", lambda f: f.problems_solved),
    ("协商专报", "期", lambda f: f.bulletins or None),
)
"""What a committee's line of 本站收录 names beside its official figures: label, unit, figure."""


def _figures(roundup: Roundup) -> list[str]:
    year, now, before = roundup.year, roundup.figures, roundup.previous
    lines = ["## 总体数据", ""]
    # Only the figures some case of the year states; the others are named in the note.
    rows = [(label, value, stated) for label, value in _FIGURE_ROWS if (stated := value(now)) is not None]
    left_out = [label for label, value in _FIGURE_ROWS if value(now) is None]
    earlier_unstated = False
    if before is None:
        lines += [f"| 指标 | {year}年 |", "| --- | ---: |"]
        lines += [f"| {label} | {_number(this_year)} |" for label, _, this_year in rows]
    else:
        # Three columns, so that the table fits a phone's width; the change is in brackets.
        lines += [f"| 指标 | {year}年（比上年） | {year - 1}年 |", "| --- | ---: | ---: |"]
        for label, value, this_year in rows:
            last_year = value(before)
            earlier_unstated |= last_year is None
            lines.append(f"| {label} | {_with_change(this_year, last_year)} | {_stated(last_year)} |")
    lines.append("")
    sentence = f"本站收录{year}年的案例{_number(now.cases)}件"
    if before is not None and now.cases > before.cases:
        sentence += f"，比上年增加{_number(now.cases - before.cases)}件"
    elif before is not None and now.cases < before.cases:
        sentence += f"，比上年减少{_number(before.cases - now.cases)}件"
    elif before is not None:
        sentence += "，与上年持平"
    sentence += f"，其中{_number(roundup.implemented)}件已进入“{IMPLEMENTED}”阶段。"
    if before is None:
        sentence += f"本站没有收录{year - 1}年的案例，无法与上年比较。"
    lines.append(sentence)
    lines.append("")
    lines.append(_figures_note(left_out, earlier_unstated))
    if roundup.published:
        lines += ["", *_published(roundup)]
    return lines


def _figures_note(left_out: Sequence[str], earlier_unstated: bool) -> str:
    note = (f"表中为{COLLECTED}的已发布案例的合计，联合协商案例只计一次；"
            "参与委员、参与人数按人次合计，协商专报按期数计。")
    if earlier_unstated:
        note += f"“{NOT_FILLED}”表示上年的案例均未填写该项数据。"
    if left_out:
        note += f"本年度没有案例填写{'、'.join(left_out)}，表中未列出。"
    return note


def _published(roundup: Roundup) -> list[str]:
    """Each committee's official figures for the year, as published, beside what this site holds of its cases."""
    lines = [
        f"### {OFFICIAL}的数据",
        "",
        f"各政协公布的{roundup.year}年数据按公布的原样列出，旁边是{COLLECTED}的该政协案例的合计。"
        "本站只收录已发布的案例，不是委员会工作的全部，两者统计范围不同，不能互相替代。",
    ]
    for row in roundup.published:
        official = "，".join(
            f"{text(FIGURE_LABELS.get(name, name))} {_as_published(value)}" for name, value in row.figures.values
        )
        line = f"- {OFFICIAL}：{official}。"
        source = _source(row.figures.source)
        if source:
            line += source + "。"
        lines += ["", f"**{_committee_link(row.committee)}**", "", line, f"- {COLLECTED}：{_held(row, roundup.year)}"]
    return lines


def _held(row: Published, year: int) -> str:
    if row.held is None:
        return f"没有该政协{year}年的案例。"
    held = row.held
    items = [(label, unit, value(held)) for label, unit, value in _COLLECTED_ITEMS]
    return "，".join(f"{label} {_number(value)}{unit}" for label, unit, value in items if value is not None) + "。"


def _committee_link(committee: Brand | District) -> str:
    """`福州市政协 · 榕你来商量`, linked to its page."""
    if isinstance(committee, Brand):
        label = f"{committee.organisation} · {committee.name}"
    else:
        label = committee.organisation or committee.name
        if committee.sub_brand:
            label += f" · {committee.sub_brand}"
        if committee.partner:
            label += "（协作方）"
    return link(label, committee.src_uri)


def _source(source: Source | None) -> str:
    """`来源：[人民政协网](https://…)（2025年1月6日）`, or "" when nothing names it."""
    if source is None or not (source.name or source.url):
        return ""
    name = source.name or source.url or ""
    named = external_link(name, source.url) if source.url else text(name)
    return f"来源：{named}" + (f"（{chinese.date_zh(source.date)}）" if source.date else "")


def _districts(roundup: Roundup) -> list[str]:
    lines = ["## 各区县子品牌", ""]
    if not roundup.brands:
        return [*lines, "本年度没有已发布的案例。"]
    stated = [(label, value) for label, value in _STATED_COLUMNS if value(roundup.figures) is not None]
    columns = [("案例", _cases), *stated]
    lines += [
        "| 协商品牌 / 区县子品牌 | " + " | ".join(label for label, _ in columns) + " |",
        "| --- |" + " ---: |" * len(columns),
    ]

    unfilled = False

    def cells(figures: Figures) -> str:
        nonlocal unfilled
        unfilled |= any(value(figures) is None for _, value in columns)
        return " | ".join(_stated(value(figures)) for _, value in columns) + " |"

    for group in roundup.brands:
        lines.append(f"| **{link(group.brand.name, group.brand.src_uri)}**（合计） | {cells(group.figures)}")
        for row in group.districts:
            district = row.district
            name = link(district.name, district.src_uri)
            if district.sub_brand:
                name += f" · {text(district.sub_brand)}"
            lines.append(f"| {name} | {cells(row.figures)}")
    lines += [
        "",
        "联合协商案例在每个参与的区县各计一次，在品牌合计中只计一次；"
        "案例注明的协商品牌与所在区县不同时，计入案例注明的品牌。",
    ]
    left_out = [label for label, value in _STATED_COLUMNS if value(roundup.figures) is None]
    if left_out:
        lines[-1] += f"本年度没有案例填写{'、'.join(left_out)}，表中未列出。"
    if unfilled:
        lines[-1] += f"“{NOT_FILLED}”表示该行的案例均未填写该项数据。"
    return lines


def _cases(figures: Figures) -> int:
    return figures.cases


def _formats(roundup: Roundup) -> list[str]:
    lines = ["## 协商形式", ""]
    if not roundup.formats:
        return [*lines, "本年度没有已发布的案例。"]
    total = roundup.figures.cases
    lines += ["| 形式 | 案例 | 占比 |", "| --- | ---: | ---: |"]
    lines += [f"| {text(row.name)} | {_number(row.count)} | {_percent(row.count, total)} |" for row in roundup.formats]
    return lines


def _stages(roundup: Roundup) -> list[str]:
    total = roundup.figures.cases
    lines = ["## 办理进展", ""]
    if not total:
        return [*lines, "本年度没有已发布的案例。"]
    lines += [
        f"{roundup.year}年的{_number(total)}件案例中，{_number(roundup.implemented)}件已进入“{IMPLEMENTED}”阶段"
        f"（占{_percent(roundup.implemented, total)}）。",
        "",
        "| 阶段 | 目前处于此阶段 | 已走到此阶段 |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {row.stage} | {_number(row.at_stage)} | {_number(row.reached)} |" for row in roundup.stages]
    lines += ["", "案例未填写进展时按“协商”阶段计算。"]
    return lines


def _months(roundup: Roundup, chart: ColumnChart) -> list[str]:
    note = "按案例的协商日期统计。"
    if roundup.months_unknown:
        note += (f"另有{_number(roundup.months_unknown)}件案例的来源只写明年份（月份不详），无法归入某个月，"
                 "未计入图中；只写明月份的案例计入该月。")
    return [
        "## 各月案例",
        "",
        f"![{text(chart.alt)}]({months_chart_name(roundup.year)})",
        "",
        note,
    ]


def _highlights(roundup: Roundup, catalogue: Catalogue, highlight_page: bool) -> list[str]:
    year = roundup.year
    lines = ["## 优秀案例", ""]
    for row in roundup.commended:
        lines += [_commendation(row, year), ""]
    if not roundup.highlights:
        if roundup.commended:  # each commendation above says how many of its cases the site holds
            return lines[:-1]
        return [*lines, f"本站没有收录{year}年度通报表扬的优秀案例。"]
    intro = f"{year}年度通报表扬的优秀案例{_number(len(roundup.highlights))}件"
    if roundup.commended:
        intro = f"{COLLECTED}的" + intro
    if highlight_page:
        intro += f"（另见{link(f'{year}年度优秀案例', highlights_src(year))}）"
    lines += [intro + "：", ""]
    lines += [_case_item(case, catalogue) for case in roundup.highlights]
    return lines


def _commendation(row: Commended, year: int) -> str:
    """`福州市政协通报表扬2024年度优秀案例10件，本站收录其中3件。同时通报表扬：优秀委员 80，…。来源：…。`

    When the committee did not say how many cases it commended, no count is written for it,
    and the site's count is given only if the site holds some.
    """
    commendation, organisation = row.commendation, text(row.brand.organisation)
    others = "，".join(f"{text(name)} {_as_published(value)}" for name, value in commendation.others)
    if commendation.cases is not None:
        held = f"本站收录其中{_number(row.held)}件" if row.held else "本站尚未收录其中的案例"
        sentence = f"{organisation}通报表扬{year}年度优秀案例{_number(commendation.cases)}件，{held}。"
        if others:
            sentence += f"同时通报表扬：{others}。"
    else:
        sentence = f"{organisation}{year}年度通报表扬" + (f"：{others}。" if others else "。")
        if row.held:
            sentence += f"本站收录其通报表扬的优秀案例{_number(row.held)}件。"
    source = _source(commendation.source)
    return sentence + (source + "。" if source else "")


def _case_item(case: Case, catalogue: Catalogue) -> str:
    districts = "、".join(text(catalogue.districts[key].name) for key in case.district_keys)
    facts = f"{districts} · {text(case.format)} · {chinese.date_zh(case.date)}"
    item = f"- **{link(case.title, case.src_uri)}**（{facts}）"
    return item + (f"：{text(case.summary)}" if case.summary else "")


def _topics(roundup: Roundup) -> list[str]:
    lines = ["## 热点议题", ""]
    if not roundup.topics:
        return [*lines, "本年度的案例没有标注议题。"]
    ranked = "、".join(f"{text(row.name)}（{_number(row.count)}件）" for row in roundup.topics)
    return [*lines, f"按标注该议题的案例数排列：{ranked}。"]


def _bulletins(roundup: Roundup) -> list[str]:
    lines = ["## 协商专报", ""]
    if not roundup.bulletins:
        return [*lines, "本年度的案例没有注明报送的协商专报。"]
    lines += [f"本年度的案例写入协商专报{_number(len(roundup.bulletins))}期：", ""]
    for bulletin in roundup.bulletins:
        cases = "、".join(link(case.title, case.src_uri) for case in bulletin.cases)
        lines.append(f"- {text(bulletin.name)}：{cases}")
    return lines
