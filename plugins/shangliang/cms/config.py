"""Decap CMS's `config.yml` for the site: its collections and fields, made from the content model and the catalogue.

`site_choices(catalogue)` gathers the values the form's selects offer (the site's brands,
districts, venues, formats and venue types); `decap_config(choices, settings)` is the whole
configuration as a mapping, and `config_text` the same as YAML, for `admin/config.yml`.

Four folder collections, each writing where the contract puts that kind of file:
`cases` into `<content>/cases/<year>/<file_name>.md`, `brands`, `districts` and `venues` into
their folders. New files are named after the key the editor types (`file_name`), never after the
Chinese title; the year folder is the year of the case's date (`file_year`, set by the admin page).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from shangliang.cms.fields import (
    FILE_NAME,
    FILE_YEAR,
    Choice,
    SiteChoices,
    brand_fields,
    case_fields,
    district_fields,
    venue_fields,
)
from shangliang.model import Catalogue

FORMAT = "shangliang-frontmatter"
"""The file format the admin page registers (cms/admin/shangliang-cms.js): front matter in the house style."""
DEFAULT_BACKEND: Mapping[str, Any] = {"name": "git-gateway", "branch": "main"}
"""Where the form saves when no backend is configured; `make edit` saves through decap-server instead."""
LOCALE = "zh_Hans"

CASE_SORTING = [{"field": "date", "label": "协商日期", "default_sort": "desc"}, {"field": "title", "label": "标题"}]
"""The case list, newest first (dates compare as written: 2024-06-18 comes before 2024, as in the site's lists)."""

_HEADER = "# 网页编辑（Decap CMS）的配置：由 shangliang 根据站点内容和 mkdocs.yml 生成，请不要手改。\n"


@dataclass(frozen=True)
class FormSettings:
    """Where the form's files live and how it saves them."""

    content_folder: str = "content"
    """The content folder (`docs_dir`), relative to the root of the Git working copy."""
    backend: Mapping[str, Any] = field(default_factory=lambda: dict(DEFAULT_BACKEND))
    """Decap's `backend` section: a team's forge (gitea, gitlab…), see the editor guide."""
    local_backend_url: str | None = None
    """decap-server's API (`http://127.0.0.1:8081/api/v1`): the form saves into the working copy."""
    site_url: str = ""


def site_choices(catalogue: Catalogue) -> SiteChoices:
    """The site's own values, in the order lists show them: brands, then their districts, by `order`;
    venues by district, then the places cases name in words."""
    brands = sorted(catalogue.brands.values(), key=lambda brand: (_order(brand.order), brand.key))
    brand_rank = {brand.key: rank for rank, brand in enumerate(brands)}
    districts = sorted(
        catalogue.districts.values(),
        key=lambda district: (brand_rank.get(district.brand_key, len(brands)), _order(district.order), district.key),
    )
    venues = sorted(catalogue.venues.values(), key=lambda venue: (venue.district_key, venue.key))

    def district_label(key: str) -> str:
        district = catalogue.districts.get(key)
        if district is None:
            return key
        brand = catalogue.brands.get(district.brand_key)
        partner = "，协作方" if district.partner else ""
        return f"{district.label}（{brand.name if brand else district.brand_key}{partner}）"

    return SiteChoices(
        districts=tuple(Choice(district.key, district_label(district.key)) for district in districts),
        brands=tuple(Choice(brand.key, f"{brand.name}（{brand.organisation}）") for brand in brands),
        venues=(
            *(Choice(venue.key, f"{venue.name}（{_district_name(catalogue, venue.district_key)}）")
              for venue in venues),
            *(Choice(place, f"{place}（地点文字）") for place in _places_written_as_text(catalogue)),
        ),
        formats=tuple(catalogue.formats),
        venue_types=tuple(catalogue.venue_types),
    )


def _places_written_as_text(catalogue: Catalogue) -> list[str]:
    """The `venue` of cases that name a place rather than a venue's key (`田间地头`): offered again."""
    keys = set(catalogue.venues)
    cases = (*catalogue.cases, *catalogue.drafts)
    return sorted({case.venue for case in cases if case.venue and case.venue not in keys})


def _order(order: int | None) -> tuple[int, int]:
    return (0, order) if order is not None else (1, 0)


def _district_name(catalogue: Catalogue, key: str) -> str:
    district = catalogue.districts.get(key)
    return district.name if district else key


def decap_config(choices: SiteChoices, settings: FormSettings) -> dict[str, Any]:
    """Decap's whole configuration."""
    content = settings.content_folder.strip("/") or "."
    config: dict[str, Any] = {
        "locale": LOCALE,
        "backend": dict(settings.backend),
    }
    if settings.local_backend_url:
        config["local_backend"] = {"url": settings.local_backend_url, "allowed_hosts": ["127.0.0.1", "localhost"]}
    if settings.site_url:
        config["site_url"] = settings.site_url
    config.update(
        {
            # Pictures go beside the file that shows them (each collection says so); this is the media library's.
            "media_folder": f"{content}/images",
            "public_folder": "/images",
            "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
            "collections": [
                _collection(
                    "cases", "案例", f"{content}/cases", case_fields(choices),
                    description="每个案例一个文件：content/cases/<协商日期的年份>/<文件名>.md。"
                                "标题、文件名、协商日期、区县和协商形式必填；发布后预览按构建的规则检查，问题列在预览页面上方。",
                    path=f"{{{{{FILE_YEAR}}}}}/{{{{slug}}}}", summary="{{date}} · {{title}}",
                    sortable=CASE_SORTING,
                ),
                _collection(
                    "brands", "品牌", f"{content}/brands", brand_fields(),
                    description="每个协商品牌一个文件：content/brands/<文件名>.md。", identifier="name",
                ),
                _collection(
                    "districts", "区县", f"{content}/districts", district_fields(choices),
                    description="每个区县（市）政协一个文件：content/districts/<文件名>.md。", identifier="name",
                ),
                _collection(
                    "venues", "协商阵地", f"{content}/venues", venue_fields(choices),
                    description="委员联系点、工作室、工作站等，每处一个文件：content/venues/<文件名>.md。",
                    identifier="name",
                ),
            ],
        }
    )  # fmt: skip
    return config


def _collection(
    name: str, label: str, folder: str, fields: list[dict[str, Any]], *, description: str, path: str | None = None,
    identifier: str = "title", summary: str | None = None, sortable: list[dict[str, str]] | None = None,
) -> dict[str, Any]:  # fmt: skip
    collection: dict[str, Any] = {
        "name": name,
        "label": label,
        "label_singular": label,
        "description": description,
        "folder": folder,
        "create": True,
        "extension": "md",
        "format": FORMAT,
        "slug": f"{{{{{FILE_NAME}}}}}",
        "identifier_field": identifier,
        "summary": summary or f"{{{{{identifier}}}}}",
        "media_folder": "",
        "public_folder": "",
        "fields": fields,
    }
    if path is not None:
        collection["path"] = path
    if sortable:
        collection["sortable_fields"] = sortable
    return collection


def config_text(config: Mapping[str, Any]) -> str:
    """The configuration as `config.yml` (UTF-8 YAML; every value from the content is quoted as YAML needs)."""
    return _HEADER + yaml.safe_dump(dict(config), allow_unicode=True, sort_keys=False, width=10_000)
