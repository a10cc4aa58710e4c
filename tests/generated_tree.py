"""A generated content tree and independent expectations, for the grouping and views tests.

Expectations are computed here from the front matter dicts the tree is built
from, never by calling the code under test.
"""

from __future__ import annotations

import datetime as dt
import random
from functools import cache
from typing import Any

import yaml

from shangliang.content.catalogue import LoadResult, load_catalogue

BRANDS = {
    "rong": {"name": "榕你来商量", "organisation": "福州市政协", "order": 1},
    "yu": {"name": "渝事好商量", "organisation": "重庆市政协", "order": 2},
    "ji": {"name": "集思广益", "organisation": "厦门市政协"},
}
DISTRICTS = {
    "gulou": {"name": "鼓楼区", "brand": "rong", "order": 1},
    "minhou": {"name": "闽侯县", "brand": "rong", "order": 2, "sub_brand": "邑起来商量"},
    "lianjiang": {"name": "连江县", "brand": "rong", "order": 3},  # never has a case
    "rongchang": {"name": "荣昌区", "brand": "yu", "order": 1},
    "longchang": {"name": "隆昌市", "brand": "yu", "order": 2},
    "jimei": {"name": "集美区", "brand": "ji"},
}
CASE_DISTRICTS = ["gulou", "minhou", "rongchang", "longchang", "jimei"]
REPORTS = [f"协商专报{year}年第{number}期" for year in (2023, 2024) for number in (1, 2, 3)]


def build(cases: dict[str, dict[str, Any]], extra: dict[str, str] | None = None) -> LoadResult:
    """Load brands, districts, `cases` (src_uri → front matter) and `extra` literal files."""
    files = {f"brands/{key}.md": meta for key, meta in BRANDS.items()}
    files.update({f"districts/{key}.md": meta for key, meta in DISTRICTS.items()})
    files.update(cases)
    raw = [
        (uri, f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n正文。\n".encode())
        for uri, meta in files.items()
    ]
    raw += [(uri, text.encode()) for uri, text in (extra or {}).items()]
    result = load_catalogue(raw)
    assert result.problems == [], [str(problem) for problem in result.problems]
    return result


def generate(seed: int = 20240618, count: int = 80) -> dict[str, dict[str, Any]]:
    """A deterministic pile of cases exercising every listing rule."""
    rng = random.Random(seed)
    cases: dict[str, dict[str, Any]] = {}
    for number in range(count):
        date = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
        districts = rng.sample(CASE_DISTRICTS, 2) if rng.random() < 0.25 else [rng.choice(CASE_DISTRICTS)]
        meta: dict[str, Any] = {
            "title": f"案例{number}",
            "date": date.isoformat(),
            "district": districts if len(districts) > 1 or rng.random() < 0.3 else districts[0],
            "format": "微协商",
        }
        if rng.random() < 0.1:
            meta["brand"] = rng.choice(sorted(BRANDS))
        for field in ("members", "participants", "problems_solved"):
            if rng.random() < 0.7:
                meta[field] = rng.randrange(0, 60)
        if rng.random() < 0.5:
            meta["reports"] = rng.sample(REPORTS, rng.randrange(1, 3))
        roll = rng.random()
        if roll < 0.1:
            meta["highlight"] = True
        elif roll < 0.2:
            meta["highlight"] = date.year + rng.choice((0, 1))
        if rng.random() < 0.1:
            meta["draft"] = True
        cases[f"cases/{date.year}/c{number:03d}.md"] = meta
    # Same day, same district: the file name decides, whatever the order of writing.
    cases["cases/2024/zz-same-day.md"] = {"title": "同日乙", "date": "2024-03-03", "district": "minhou",
                                          "format": "微协商", "members": 2}  # fmt: skip
    cases["cases/2024/aa-same-day.md"] = {"title": "同日甲", "date": "2024-03-03", "district": "minhou",
                                          "format": "微协商", "members": 1}  # fmt: skip
    return cases


# -- independent expectations ----------------------------------------------------


def districts_of(meta: dict[str, Any]) -> list[str]:
    value = meta["district"]
    return list(value) if isinstance(value, list) else [value]


def brand_of(meta: dict[str, Any]) -> str:
    return meta.get("brand") or DISTRICTS[districts_of(meta)[0]]["brand"]


def highlight_of(meta: dict[str, Any]) -> int | None:
    value = meta.get("highlight")
    if value is True:
        return int(meta["date"][:4])
    return value or None


def published(cases: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {uri: meta for uri, meta in cases.items() if not meta.get("draft")}


def stated_sum(cases: dict[str, dict[str, Any]], field: str) -> int | None:
    """The sum over the cases that state `field`; None (shown as "not stated") when none does."""
    stated = [meta[field] for meta in cases.values() if field in meta]
    return sum(stated) if stated else None


def expected_figures(cases: dict[str, dict[str, Any]], districts: int) -> dict[str, int | None]:
    return {
        "cases": len(cases),
        "districts": districts,
        "members": stated_sum(cases, "members"),
        "participants": stated_sum(cases, "participants"),
        "problems_solved": stated_sum(cases, "problems_solved"),
        "bulletins": len({report for meta in cases.values() for report in meta.get("reports", [])}),
    }


def newest_first(cases: dict[str, dict[str, Any]]) -> list[str]:
    """src_uris by date descending, then src_uri ascending: the one stable order."""
    by_uri = sorted(cases)
    return sorted(by_uri, key=lambda uri: dt.date.fromisoformat(cases[uri]["date"]), reverse=True)


def in_district(cases: dict[str, dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {uri: meta for uri, meta in cases.items() if key in districts_of(meta)}


def in_brand(cases: dict[str, dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {uri: meta for uri, meta in cases.items() if brand_of(meta) == key}


def as_dict(figures) -> dict[str, int]:
    return {name: getattr(figures, name) for name in
            ("cases", "districts", "members", "participants", "problems_solved", "bulletins")}  # fmt: skip


def uris(cases) -> list[str]:
    return [case.src_uri for case in cases]


@cache
def generated_cases() -> dict[str, dict[str, Any]]:
    """The generated tree (drafts included), checked to exercise what the tests claim to check."""
    generated = generate()
    live = published(generated)
    # The generator must exercise what the tests claim to check.
    assert any(len(districts_of(meta)) > 1 for meta in live.values()), "no joint case"
    assert any(isinstance(meta["district"], list) and len(meta["district"]) == 1 for meta in live.values())
    assert any(meta.get("brand") and meta["brand"] != DISTRICTS[districts_of(meta)[0]]["brand"]
               for meta in live.values()), "no case with a brand other than its district's"  # fmt: skip
    assert any(meta.get("draft") for meta in generated.values()), "no draft"
    assert any(highlight_of(meta) and highlight_of(meta) != int(meta["date"][:4]) for meta in live.values())
    assert any(len({DISTRICTS[d]["brand"] for d in districts_of(m)}) > 1
               for m in live.values()), "no cross-brand joint case"  # fmt: skip
    return generated
