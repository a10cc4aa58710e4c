"""A committee's own published record in front matter: `figures` by year and `commendations` by year.

Figures are kept exactly as published: a whole number, or the text the committee
printed ("百余场", "45场以上", "20多个"); each year names its source. The site never
sums or rounds them; it shows them beside what it holds itself.
"""

from __future__ import annotations

import difflib
from typing import Any

from shangliang.content.fields import EARLIEST_YEAR, LATEST_YEAR, Fields, read_source, show
from shangliang.messages import FieldName, label_of, phrase
from shangliang.messages.labels import OFFICIAL_FIGURE_LABELS
from shangliang.model import OFFICIAL_FIGURES, Commendation, FigureValue, OfficialFigures

FIGURE_LABELS = OFFICIAL_FIGURE_LABELS
"""How pages name each official figure (as messages do)."""

COMMENDATION_FIELDS = ("cases", "others", "source")


def read_figures(fields: Fields) -> tuple[OfficialFigures, ...]:
    """`figures:` — year → {name: value, …, source: {…}}; newest year first."""
    found = []
    for year, value, path in _years(fields, "figures"):
        if not isinstance(value, dict):
            fields.not_fields(path, "figures-year-not-mapping", value)
            continue
        values: list[tuple[str, FigureValue]] = []
        for name, item in value.items():
            if name == "source":
                continue
            if name not in OFFICIAL_FIGURES:
                close = difflib.get_close_matches(str(name), OFFICIAL_FIGURES, n=1, cutoff=0.6)
                hint = (phrase("did-you-mean", name=FieldName(close[0], FIGURE_LABELS[close[0]])) if close
                        else phrase("known-figures", names=", ".join(OFFICIAL_FIGURES)))  # fmt: skip
                fields.warning(f"{path}.{name}", "unknown-figure", hint=hint)
                continue
            figure = _figure_value(fields, f"{path}.{name}", item)
            if figure is not None:
                values.append((name, figure))
        values.sort(key=lambda pair: OFFICIAL_FIGURES.index(pair[0]))
        source = read_source(fields, f"{path}.source", value.get("source"))
        if not values:
            fields.warning(path, "no-figures-for-year")
            continue
        found.append(OfficialFigures(year, tuple(values), source))
    return tuple(sorted(found, key=lambda figures: -figures.year))


def read_commendations(fields: Fields) -> tuple[Commendation, ...]:
    """`commendations:` — year → {cases: n, others: {name: value}, source: {…}}; newest year first."""
    found = []
    for year, value, path in _years(fields, "commendations"):
        if not isinstance(value, dict):
            fields.not_fields(path, "commendation-not-mapping", value)
            continue
        for name in value:
            if name not in COMMENDATION_FIELDS:
                close = difflib.get_close_matches(str(name), COMMENDATION_FIELDS, n=1, cutoff=0.6)
                hint = (phrase("did-you-mean", name=FieldName(close[0], label_of(f"{path}.{close[0]}"))) if close
                        else phrase("known-fields", names=", ".join(COMMENDATION_FIELDS)))  # fmt: skip
                fields.warning(f"{path}.{name}", "unknown-field", hint=hint)
        cases = value.get("cases")
        if cases is not None and (isinstance(cases, bool) or not isinstance(cases, int) or cases < 0):
            fields.error(f"{path}.cases", "not-commended-count", got=show(cases))
            cases = None
        others: list[tuple[str, FigureValue]] = []
        raw_others = value.get("others") or {}
        if not isinstance(raw_others, dict):
            fields.not_fields(f"{path}.others", "commendation-others-not-mapping", raw_others)
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
        fields.not_fields(name, "years-not-mapping", value)
        return []
    years = []
    for key, item in value.items():
        year = int(key) if isinstance(key, int | str) and str(key).isdigit() and not isinstance(key, bool) else None
        if year is None or not EARLIEST_YEAR <= year <= LATEST_YEAR:
            fields.error(f"{name}.{key}", "not-a-year", got=show(key))
            continue
        years.append((year, item, f"{name}.{year}"))
    return years


def _figure_value(fields: Fields, path: str, value: Any) -> FigureValue | None:
    if isinstance(value, bool) or value is None:
        fields.error(path, "not-a-figure", got=show(value))
        return None
    if isinstance(value, int):
        if value < 0:
            fields.error(path, "number-too-small", minimum=0, got=show(value))
            return None
        return value
    if isinstance(value, str) and value.strip():
        return value.strip()
    fields.error(path, "not-a-figure", got=show(value))
    return None
