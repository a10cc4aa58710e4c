"""Open data: every published case's metadata as JSON and CSV, with a JSON Schema.

The built site carries three files under `data/`:

- `cases.json`: `{"$schema", "site", "count", "cases": [...]}`, newest case first.
  `$schema` points at the schema next to it.
- `cases.csv`: the same records, one row each, under a header row of the
  `CSV_COLUMNS` names, encoded UTF-8 with a byte-order mark so that Excel reads
  the Chinese text. Lists (tags, departments, districts, partners, …) are joined
  with `LIST_SEPARATOR` ("|"); `sub_brands` has one item per district, empty for
  a district without a sub-brand. A figure a case does not state is an empty
  cell (never 0). A text cell that Excel would read as a formula (starting
  with `=`, `+`, `-`, `@`) gets a leading apostrophe; `cases.json` always
  holds the text exactly as written. The columns added by content model v2
  (`V2_COLUMNS`) come after those of v1, so a reader of the v1 columns by
  position reads the same cells as before.
- `cases.schema.json`: a JSON Schema (draft 2020-12) of `cases.json`.

Dates are as precise as the source (content model v2): `date` is written as the
editor wrote it, `2024-06-18`, `2024-06` or `2024`, and `date_precision` says which
(`day`, `month`, `year`); no day is ever invented. The cases keep the catalogue's
order, newest first, a case dated only by its month after the cases with a day in
that month (and one dated only by its year after every case of that year with a
month). `stages` gives the date each stage was reached, as written, in stage order:
in the JSON an object (`{"选题": "2024-05", "协商": "2024-06-18"}`, `{}` when none is
dated), in the CSV one cell of `stage=date` items (`选题=2024-05|协商=2024-06-18`).
`venue` is the venue's name; `venue_key` is the key of its venue page, or null when
the case names its venue only as text. `is_resolved` is true when the case has reached
the last stage, 落实 (`true`/`false` in the CSV).

A case's `url` is absolute when the site has a `site_url`, otherwise relative to
the site's root (`cases/2024/x/`). Drafts are never in the catalogue's cases, so
they never reach these files. Nothing here depends on the time of the build:
building twice gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shangliang.content.fields import KEY_PATTERN
from shangliang.dates import PRECISIONS
from shangliang.model import STAGES, Case, Catalogue
from shangliang.urls import CASES_CSV, CASES_JSON, CASES_SCHEMA, DATA_FOLDER, absolute

JSON_NAME = posixpath.basename(CASES_JSON)
CSV_NAME = posixpath.basename(CASES_CSV)
SCHEMA_NAME = posixpath.basename(CASES_SCHEMA)
LIST_SEPARATOR = "|"

V2_COLUMNS: tuple[str, ...] = ("date_precision", "venue_key", "stages", "is_resolved", "partners")
"""The columns content model v2 added; they follow the v1 columns."""

CSV_COLUMNS: tuple[str, ...] = (
    "url", "src", "title", "date", "year",
    "district_keys", "district_names", "sub_brands",
    "brand_key", "brand_name", "brand_organisation",
    "format", "venue", "tags", "members", "participants", "departments", "problems_solved",
    "status", "stage_index", "reports", "highlight_year", "summary",
    "source_name", "source_url", "source_date",
    *V2_COLUMNS,
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def case_record(case: Case, catalogue: Catalogue, site_url: str | None) -> dict[str, Any]:
    """One published case as the JSON record `cases.schema.json` describes."""
    brand = catalogue.brands[case.brand_key]
    districts = [catalogue.districts[key] for key in case.district_keys]
    source = case.source
    return {
        "url": absolute(site_url, case.url),
        "src": case.src_uri,
        "title": case.title,
        "date": case.date.isoformat(),
        "date_precision": case.date.precision,
        "year": case.year,
        "districts": [
            {"key": d.key, "name": d.name, "sub_brand": d.sub_brand, "organisation": d.organisation}
            for d in districts
        ],
        "partners": list(case.partners),
        "brand": {"key": brand.key, "name": brand.name, "organisation": brand.organisation},
        "format": case.format,
        "venue": case.venue,
        "venue_key": case.venue_key,
        "tags": list(case.tags),
        "members": case.members,
        "participants": case.participants,
        "departments": list(case.departments),
        "problems_solved": case.problems_solved,
        "status": case.status,
        "stage_index": case.stage_index,
        "stages": {stage: date.isoformat() for stage, date in case.stages},
        "is_resolved": case.is_resolved,
        "reports": list(case.reports),
        "highlight_year": case.highlight_year,
        "summary": case.summary,
        "source": None if source is None else {
            "name": source.name,
            "url": source.url,
            "date": source.date.isoformat() if source.date else None,
        },
    }


def cases_document(catalogue: Catalogue, *, site_name: str, site_url: str | None) -> dict[str, Any]:
    """The whole `cases.json` document: published cases only, newest first."""
    records = [case_record(case, catalogue, site_url) for case in catalogue.cases]
    schema_url = absolute(site_url, CASES_SCHEMA) if site_url else SCHEMA_NAME
    return {
        "$schema": schema_url,
        "site": {"name": site_name, "url": site_url or None},
        "count": len(records),
        "cases": records,
    }


_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def to_json(document: dict[str, Any]) -> str:
    """JSON text as written to disk: indented, one final newline, Chinese as characters.

    `<`, `>` and `&` (which JSON only has inside strings) are written as `\\u003c` …, the
    same text to any JSON reader, so markup an editor wrote never appears as markup.
    """
    return json.dumps(document, ensure_ascii=False, indent=2).translate(_HTML_SAFE) + "\n"


def csv_row(record: dict[str, Any]) -> dict[str, str]:
    """A JSON record as one CSV row (`CSV_COLUMNS` → text)."""
    districts = record["districts"]
    brand = record["brand"]
    source = record["source"] or {}
    row: dict[str, Any] = {
        **{column: record.get(column) for column in CSV_COLUMNS},
        "district_keys": [d["key"] for d in districts],
        "district_names": [d["name"] for d in districts],
        "sub_brands": [d["sub_brand"] or "" for d in districts],
        "brand_key": brand["key"],
        "brand_name": brand["name"],
        "brand_organisation": brand["organisation"],
        "source_name": source.get("name"),
        "source_url": source.get("url"),
        "source_date": source.get("date"),
        "stages": [f"{stage}={date}" for stage, date in record["stages"].items()],
    }
    return {column: _cell(row[column]) for column in CSV_COLUMNS}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_STARTS):
        return "'" + text  # Excel would run it as a formula
    return text


def to_csv(records: list[dict[str, Any]]) -> str:
    """CSV text (header row, then one row per record; CRLF line ends as RFC 4180 has them)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow(csv_row(record))
    return buffer.getvalue()


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, "type": [schema["type"], "null"]}


def _object(properties: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


_STAGE_NUMBERS = "、".join(f"{number} {stage}" for number, stage in enumerate(STAGES))
"""`0 选题、1 调研、…、5 落实`"""
_TEXT = {"type": "string"}
_TEXTS = {"type": "array", "items": {"type": "string"}}
_COUNT = {"type": "integer", "minimum": 0}
_PARTIAL_DATE_PATTERNS = {"year": r"^\d{4}$", "month": r"^\d{4}-\d{2}$", "day": r"^\d{4}-\d{2}-\d{2}$"}
_DATE: dict[str, Any] = {
    "type": "string",
    "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    # A month from 01 to 12, and a day that exists (checked as an RFC 3339 full-date).
    "anyOf": [{"pattern": r"^\d{4}(-(0[1-9]|1[0-2]))?$"}, {"format": "date"}],
}
"""A date as precise as its source: `2024`, `2024-06` or `2024-06-18`."""


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `cases.json`: every field required, unstated values null."""
    district = _object(
        {"key": _TEXT, "name": _TEXT, "sub_brand": _nullable(_TEXT), "organisation": _nullable(_TEXT)},
        "区县：键（网址中的名字）、名称、子品牌、政协组织",
    )
    brand = _object({"key": _TEXT, "name": _TEXT, "organisation": _TEXT}, "协商品牌：键、名称、所属政协")
    source = _object(
        {"name": _nullable(_TEXT), "url": _nullable(_TEXT),
         "date": {**_nullable(_DATE), "description": "刊发日期，按写明的精度"}},
        "案例最初见于的报道：名称、网址、日期",
    )
    case = _object(
        {
            "url": {"type": "string", "format": "uri-reference",
                    "description": "案例页网址；站点未设 site_url 时为相对站点根目录的路径"},
            "src": {**_TEXT, "description": "源文件（相对内容目录）"},
            "title": _TEXT,
            "date": {**_DATE, "description": "协商日期，按来源写明的精度：YYYY-MM-DD、YYYY-MM 或 YYYY（不补写日子）"},
            "date_precision": {"type": "string", "enum": list(PRECISIONS),
                               "description": "date 的精度：day 写明到日，month 只写明月份，year 只写明年份"},
            "year": {"type": "integer", "description": "协商日期所在的年份"},
            "districts": {"type": "array", "items": district, "minItems": 1,
                          "description": "所属区县；联合协商有多个"},
            "partners": {**_TEXTS, "description": "参与协商的站外政协（协作方）"},
            "brand": brand,
            "format": {**_TEXT, "description": "协商形式"},
            "venue": {**_nullable(_TEXT), "description": "协商地点（有地点页面时为其名称）"},
            "venue_key": {"type": ["string", "null"], "pattern": KEY_PATTERN.pattern,
                          "description": "协商地点页面的键；地点只写了文字时为 null"},
            "tags": _TEXTS,
            "members": {**_nullable(_COUNT), "description": "参与委员人次；未说明为 null（不是 0）"},
            "participants": {**_nullable(_COUNT), "description": "参与人数；未说明为 null（不是 0）"},
            "departments": _TEXTS,
            "problems_solved": {**_nullable(_COUNT), "description": "解决问题数；未说明为 null（不是 0）"},
            "status": {**_TEXT, "enum": list(STAGES), "description": "进展到的最远阶段"},
            "stage_index": {"type": "integer", "minimum": 0, "maximum": len(STAGES) - 1,
                            "description": "阶段序号：" + _STAGE_NUMBERS},
            "stages": {"type": "object", "propertyNames": {"enum": list(STAGES)}, "additionalProperties": _DATE,
                       "description": "各阶段到达的日期（按写明的精度），按阶段顺序；只列出编辑写明日期的阶段"},
            "is_resolved": {"type": "boolean", "description": "是否已进入最后的“落实”阶段"},
            "reports": {**_TEXTS, "description": "报送的协商专报"},
            "highlight_year": {**_nullable({"type": "integer"}), "description": "评为年度优秀案例的年份"},
            "summary": {**_TEXT, "description": "摘要（纯文本）"},
            "source": {"anyOf": [source, {"type": "null"}]},
        },
        "一个已发布的案例",
    )
    # `date` is exactly as precise as `date_precision` says.
    case["allOf"] = [
        {"if": {"properties": {"date_precision": {"const": precision}}},
         "then": {"properties": {"date": {"pattern": _PARTIAL_DATE_PATTERNS[precision]}}}}
        for precision in PRECISIONS
    ]
    document = _object(
        {
            "$schema": {"type": "string", "description": "本说明文件的网址"},
            "site": _object({"name": _TEXT, "url": _nullable(_TEXT)}, "站点名称和网址"),
            "count": {**_COUNT, "description": "案例数"},
            "cases": {"type": "array", "items": case, "description": "全部已发布案例，最新的在前"},
        },
        "协商品牌案例库的全部已发布案例（草稿不在其中）",
    )
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "案例数据", **document}


@dataclass(frozen=True)
class OpenDataFiles:
    """What `write_open_data` wrote: the files (site-relative) and the number of cases."""

    paths: tuple[str, ...]
    count: int


def write_open_data(site_dir: Path, catalogue: Catalogue, *, site_name: str, site_url: str | None) -> OpenDataFiles:
    """Write `data/cases.json`, `data/cases.csv` and `data/cases.schema.json` under `site_dir`."""
    document = cases_document(catalogue, site_name=site_name, site_url=site_url)
    contents = {
        JSON_NAME: to_json(document).encode("utf-8"),
        CSV_NAME: to_csv(document["cases"]).encode("utf-8-sig"),
        SCHEMA_NAME: to_json(schema()).encode("utf-8"),
    }
    folder = site_dir / DATA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in contents.items():
        (folder / name).write_bytes(data)
    return OpenDataFiles(tuple(f"{DATA_FOLDER}/{name}" for name in contents), document["count"])
