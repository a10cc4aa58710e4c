"""A search query set (sample.yaml, second_tree.yaml) and the recall of a run of it.

Pure: reading the YAML and counting; the browser run is tests/browser/test_search_recall.py.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent

KINDS: dict[str, str] = {
    "phrase": "word inside a phrase",
    "unspaced": "unspaced multi-word",
    "district": "district / sub-brand / brand",
    "department": "department / partner",
    "venue": "venue",
    "format": "format",
    "tag": "tag",
    "bulletin_year": "bulletin / year",
    "script": "traditional ↔ simplified",
    "partial_title": "partial title",
}


@dataclass(frozen=True)
class Query:
    text: str
    kind: str
    want: tuple[str, ...]
    """Site-relative URLs (`cases/2023/x/`); any of them in the top results answers the query."""


@dataclass(frozen=True)
class Outcome:
    query: Query
    found: tuple[str, ...]
    """Site-relative URLs of the results shown, in order."""
    milliseconds: float | None = None
    """From the last keystroke to the first results on screen."""

    def hit(self, top: int = 3) -> bool:
        return any(url in self.query.want for url in self.found[:top])


def load(name: str) -> list[Query]:
    """The queries of `search_queries/<name>.yaml`."""
    data = yaml.safe_load((HERE / f"{name}.yaml").read_text(encoding="utf-8"))
    queries = []
    for row in data["queries"]:
        if row["kind"] not in KINDS:
            raise ValueError(f"{name}.yaml: {row['q']!r}: unknown kind {row['kind']!r}")
        queries.append(Query(str(row["q"]), row["kind"], tuple(row["want"])))
    return queries


@dataclass(frozen=True)
class Recall:
    kind: str
    queries: int
    hits: int

    @property
    def share(self) -> float:
        return self.hits / self.queries if self.queries else 0.0


def recall_by_kind(outcomes: Iterable[Outcome], top: int = 3) -> list[Recall]:
    """Recall@top of each kind (in KINDS order), then of all queries (kind "all")."""
    outcomes = list(outcomes)
    rows = []
    for kind in KINDS:
        mine = [outcome for outcome in outcomes if outcome.query.kind == kind]
        if mine:
            rows.append(Recall(kind, len(mine), sum(outcome.hit(top) for outcome in mine)))
    rows.append(Recall("all", len(outcomes), sum(outcome.hit(top) for outcome in outcomes)))
    return rows


def table(name: str, outcomes: list[Outcome], top: int = 3) -> str:
    """The per-kind recall table, the misses and the median time to first results."""
    lines = [f"search recall@{top} on {name}:", f"  {'kind':<34} {'queries':>7} {'hits':>5} {'recall':>7}"]
    for row in recall_by_kind(outcomes, top):
        label = KINDS.get(row.kind, "all kinds")
        lines.append(f"  {label:<34} {row.queries:>7} {row.hits:>5} {row.share:>7.1%}")
    times = [outcome.milliseconds for outcome in outcomes if outcome.milliseconds is not None]
    if times:
        lines.append(f"  time from last keystroke to first results: median {statistics.median(times):.0f} ms, "
                     f"max {max(times):.0f} ms over {len(times)} queries")
    for outcome in outcomes:
        if not outcome.hit(top):
            lines.append(f"  miss [{outcome.query.kind}] {outcome.query.text!r}: want {list(outcome.query.want)}, "
                         f"got {list(outcome.found[:top])}")
    return "\n".join(lines)
