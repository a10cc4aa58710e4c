"""A committee's own published record in front matter: `figures` by year and `commendations` by year.

Figures are kept exactly as published: a whole number, or the text the committee
printed ("百余场", "45场以上", "20多个"); each year names its source. The site never
sums or rounds them; it shows them beside what it holds itself.
"""

from __future__ import annotations

import difflib
from typing import Any

from shangliang.content.fields import EARLIEST_YEAR, LATEST_YEAR, Fields, read_source, show
from shangliang.model import OFFICIAL_FIGURES, Commendation, FigureValue, OfficialFigures

FIGURE_LABELS = {
    "activities": "各类活动",
    "consultations": "协商活动",
    "participants": "参与人数",
    "members": "参与委员",
    "problems_solved": "解决问题",
    "bulletins": "协商专报",
    "venues": "协商阵地",
    "opinions": "意见建议",
    "projects": "推动项目",
}
"""How pages name each official figure."""

COMMENDATION_FIELDS = ("cases", "others", "source")


def read_figures(fields: Fields) -> tuple[OfficialFigures, ...]:
    """`figures:` — year → {name: value, …, source: {…}}; newest year first."""
    found = []
    for year, value, path in _years(fields, "figures"):
        if not isinstance(value, dict):
            fields.error(path, f"expected the year's figures as 'name: value' lines (got {show(value)})")
            continue
        values: list[tuple[str, FigureValue]] = []
        for name, item in value.items():
            if name == "source":
                continue
            if name not in OFFICIAL_FIGURES:
                close = difflib.get_close_matches(str(name), OFFICIAL_FIGURES, n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else "known figures: " + ", ".join(OFFICIAL_FIGURES)
                fields.warning(f"{path}.{name}", f"unknown figure, ignored ({hint})")
                continue
            figure = _figure_value(fields, f"{path}.{name}", item)
            if figure is not None:
                values.append((name, figure))
        values.sort(key=lambda pair: OFFICIAL_FIGURES.index(pair[0]))
        source = read_source(fields, f"{path}.source", value.get("source"))
        if not values:
            fields.warning(path, "no figures stated for this year; write e.g. 'activities: 百余场'")
            continue
        found.append(OfficialFigures(year, tuple(values), source))
    return tuple(sorted(found, key=lambda figures: -figures.year))


def read_commendations(fields: Fields) -> tuple[Commendation, ...]:
    """`commendations:` — year → {cases: n, others: {name: value}, source: {…}}; newest year first."""
    found = []
    for year, value, path in _years(fields, "commendations"):
        if not isinstance(value, dict):
            fields.error(path, f"expected 'cases:', 'others:' and 'source:' lines (got {show(value)})")
            continue
        for name in value:
            if name not in COMMENDATION_FIELDS:
                close = difflib.get_close_matches(str(name), COMMENDATION_FIELDS, n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else "known fields: " + ", ".join(COMMENDATION_FIELDS)
                fields.warning(f"{path}.{name}", f"unknown field, ignored ({hint})")
        cases = value.get("cases")
        if cases is not None and (isinstance(cases, bool) or not isinstance(cases, int) or cases < 0):
            fields.error(f"{path}.cases", f"expected the number of commended cases (got {show(cases)})")
            cases = None
        others: list[tuple[str, FigureValue]] = []
        raw_others = value.get("others") or {}
        if not isinstance(raw_others, dict):
            fields.error(f"{path}.others", f"expected 'name: number' lines, e.g. 优秀委员: 80 (got {show(raw_others)})")
            raw_others = {}
        for name, item in raw_others.items():
            figure = _figure_value(fields, f"{path}.others.{name}", item)
            if figure is not None:
                others.append((str(name), figure))
        source = read_source(fields, f"{path}.source", value.get("source"))
        found.append(Commendation(year, cases, tuple(others), source))
    return tuple(sorted(found, key=lambda item: -item.year))


def _years(fields: Fields, name: str) -> list[tuple[int, Any, str]]:
    value = fields.meta.get(name)
    if value is None:
        return []
    if not isinstance(value, dict):
        fields.error(name, f"expected years, each with its lines under it, e.g. '2024:' (got {show(value)})")
        return []
    years = []
    for key, item in value.items():
        year = int(key) if isinstance(key, int | str) and str(key).isdigit() and not isinstance(key, bool) else None
        if year is None or not EARLIEST_YEAR <= year <= LATEST_YEAR:
            fields.error(f"{name}.{key}", f"expected a year such as 2024 (got {show(key)})")
            continue
        years.append((year, item, f"{name}.{year}"))
    return years


def _figure_value(fields: Fields, path: str, value: Any) -> FigureValue | None:
    if isinstance(value, bool) or value is None:
        fields.error(path, f"expected a number or the figure as published, e.g. 百余场 (got {show(value)})")
        return None
    if isinstance(value, int):
        if value < 0:
            fields.error(path, f"must be 0 or more (got {value})")
            return None
        return value
    if isinstance(value, str) and value.strip():
        return value.strip()
    fields.error(path, f"expected a number or the figure as published, e.g. 百余场 (got {show(value)})")
    return None
