"""Small content trees in memory, loaded with `load_catalogue`, for the contract tests.

A tree is two brands and three districts plus the files a test is about.
"""

from __future__ import annotations

from typing import Any

import yaml

from shangliang.content.catalogue import LoadResult, load_catalogue
from shangliang.model import Problem

# The contract's lists, written out here rather than imported, so the code cannot drift from them.
CONTRACT_FORMATS = (
    "微协商", "民情座谈会", "政策宣讲", "为民办实事", "委员进小院",
    "协商议事会", "委员沙龙", "界别协商", "专题协商会", "视察调研",
)  # fmt: skip
CONTRACT_STAGES = ("选题", "调研", "协商", "报送", "办理", "落实")

BRANDS = {
    "brands/rong.md": {"name": "榕你来商量", "organisation": "福州市政协"},
    "brands/yu.md": {"name": "渝事好商量", "organisation": "重庆市政协"},
}
DISTRICTS = {
    "districts/minhou.md": {"name": "闽侯县", "brand": "rong", "sub_brand": "邑起来商量"},
    "districts/gulou.md": {"name": "鼓楼区", "brand": "rong"},
    "districts/rongchang.md": {"name": "荣昌区", "brand": "yu"},
}
CASE_PATH = "cases/2024/x.md"

Meta = dict[str, Any] | str | bytes


def markdown(meta: Meta | None, body: str = "") -> bytes:
    """A content file: front matter from a dict (YAML-dumped) or literal YAML text; bytes as is."""
    if isinstance(meta, bytes):
        return meta
    if meta is None:
        return body.encode("utf-8")
    front = meta if isinstance(meta, str) else yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{body}".encode()


def tree(
    files: dict[str, Meta | tuple[Meta, str]],
    *,
    base: bool = True,
    other_uris: tuple[str, ...] = (),
    **options: Any,
) -> LoadResult:
    """Load a tree of `src_uri → front matter` (or `(front matter, body)`), on top of two
    brands and three districts unless `base=False`."""
    everything: dict[str, Meta | tuple[Meta, str]] = {**BRANDS, **DISTRICTS} if base else {}
    everything.update(files)
    raw = [
        (src_uri, markdown(*value) if isinstance(value, tuple) else markdown(value))
        for src_uri, value in everything.items()
    ]
    return load_catalogue(raw, other_uris=other_uris, **options)


def case(**fields: Any) -> dict[str, Any]:
    """A valid case's front matter; a field given as None is left out."""
    meta: dict[str, Any] = {"title": "推进县域电商直播基地建设", "date": "2024-06-18",
                            "district": "minhou", "format": "微协商"}  # fmt: skip
    meta.update(fields)
    return {name: value for name, value in meta.items() if value is not None}


def problems_of(result: LoadResult, src_uri: str = CASE_PATH, field: str | None = None) -> list[Problem]:
    return [
        problem for problem in result.problems
        if problem.src_uri == src_uri and (field is None or problem.field == field)
    ]  # fmt: skip


def only_error(result: LoadResult, field: str, src_uri: str = CASE_PATH) -> Problem:
    """The single error of the tree, which must be on `src_uri` and `field`."""
    assert len(result.errors) == 1, "\n".join(map(str, result.problems))
    error = result.errors[0]
    assert (error.src_uri, error.field) == (src_uri, field), str(error)
    return error


def the_case(result: LoadResult, src_uri: str = CASE_PATH):
    found = [case for case in result.catalogue.cases if case.src_uri == src_uri]
    assert len(found) == 1, f"{src_uri} not published; problems: {[str(p) for p in result.problems]}"
    return found[0]
