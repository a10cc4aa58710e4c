"""search_chunks.resplit_index over a real Pagefind bundle: same words, small chunks, every prefix found."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from shangliang.search.chunks import (
    IndexFormatError,
    chunk_table,
    chunk_words,
    resplit_index,
)
from shangliang.search.pagefind import build_search_index

TARGET = 400  # bytes: small, so that the little site below makes many chunks and splits word families

# Words sharing first characters (村, 社, 路, 老 …), so that families span several chunks.
VOCABULARY = (
    "村", "村民", "村委会", "村道", "村里", "普陀村", "社区", "社会", "社区居委会", "路灯", "路面",
    "路口", "道路", "老旧小区", "老人", "老年", "加装", "电梯", "养老", "助餐", "停车", "委员",
    "协商", "政协", "群众", "部门", "意见", "建议", "落实", "整改", "街道", "居民", "议事",
    "垃圾", "分类",
)

PAGE = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>{title}</title></head>
<body><article data-pagefind-body><h1>{title}</h1><p>{body}</p></article></body></html>
"""


def chunks_for(term: str, table: list[tuple[str, str, str]]) -> set[str]:
    """The chunks pagefind_web 1.5.2 loads for one term (`request_indexes`: strict, else loose)."""
    strict = {name for start, end, name in table if start <= term <= end}
    if strict:
        return strict
    loose = set()
    for start, end, name in table:
        head, tail = min(len(term), len(start)), min(len(term), len(end))
        if term[:head] >= start[:head] and term[:tail] <= end[:tail]:
            loose.add(name)
    return loose


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Pagefind bundle (as Pagefind wrote it) of 40 pages of Chinese text."""
    site = tmp_path_factory.mktemp("chunks") / "site"
    rng = random.Random(4)
    for number in range(40):
        title = "".join(rng.sample(VOCABULARY, 3))
        body = "，".join("".join(rng.sample(VOCABULARY, 4)) for _ in range(12)) + "。"
        page = site / f"cases/{number}/index.html"
        page.parent.mkdir(parents=True)
        page.write_text(PAGE.format(title=title, body=body), encoding="utf-8")
    stats = build_search_index(site, resplit=False)
    assert stats.chunks is None
    return stats.output_dir


def resplit_copy(bundle: Path, target: Path) -> Path:
    shutil.copytree(bundle, target)
    resplit_index(target, target_bytes=TARGET)
    return target


def words_of(bundle: Path) -> list[tuple[str, bytes]]:
    return [
        (word.text, word.raw)
        for _, _, name in chunk_table(bundle, "zh")
        for word in chunk_words(bundle / "index" / f"{name}.pf_index")
    ]


def test_the_same_words_and_postings_in_the_same_order(bundle: Path, tmp_path: Path) -> None:
    split = resplit_copy(bundle, tmp_path / "split")
    assert len(chunk_table(split, "zh")) > 5 * len(chunk_table(bundle, "zh"))
    assert words_of(split) == words_of(bundle)


def test_every_prefix_of_a_word_loads_the_chunk_that_holds_it(bundle: Path, tmp_path: Path) -> None:
    split = resplit_copy(bundle, tmp_path / "split")
    table = chunk_table(split, "zh")
    families = {}
    checked = 0
    for start, end, name in table:
        for word in chunk_words(split / "index" / f"{name}.pf_index"):
            families.setdefault(word.text[:1], set()).add(name)
            for length in range(1, len(word.text) + 1):
                assert name in chunks_for(word.text[:length], table), (word.text[:length], word.text, start, end)
                checked += 1
    assert checked > 300
    assert any(len(names) > 1 for names in families.values()), "no word family spans two chunks"


def test_chunks_are_small_and_a_big_word_has_one_of_its_own(bundle: Path, tmp_path: Path) -> None:
    split = resplit_copy(bundle, tmp_path / "split")
    for _, _, name in chunk_table(split, "zh"):
        words = chunk_words(split / "index" / f"{name}.pf_index")
        size = sum(len(word.raw) for word in words)
        assert size < 3 * TARGET + max(len(word.raw) for word in words)
        if any(len(word.raw) >= TARGET for word in words):
            assert len(words) == 1, [word.text for word in words]


def test_the_bundle_lists_exactly_the_files_it_has(bundle: Path, tmp_path: Path) -> None:
    split = resplit_copy(bundle, tmp_path / "split")
    entry = json.loads((split / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_hash = entry["languages"]["zh"]["hash"]
    assert [path.name for path in split.glob("*.pf_meta")] == [f"pagefind.{meta_hash}.pf_meta"]
    listed = {f"{name}.pf_index" for _, _, name in chunk_table(split, "zh")}
    assert {path.name for path in (split / "index").iterdir()} == listed
    assert sorted(path.name for path in (split / "fragment").iterdir()) == sorted(
        path.name for path in (bundle / "fragment").iterdir()
    )


def test_the_result_does_not_depend_on_the_run(bundle: Path, tmp_path: Path) -> None:
    first, second = resplit_copy(bundle, tmp_path / "a"), resplit_copy(bundle, tmp_path / "b")
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    assert all((first / path).read_bytes() == (second / path).read_bytes() for path in files)


def test_another_pagefind_version_is_left_unchanged(bundle: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(bundle, other)
    entry_path = other / "pagefind-entry.json"
    entry_path.write_text(entry_path.read_text(encoding="utf-8").replace('"1.5.2"', '"9.9.9"'), encoding="utf-8")
    before = {path: path.read_bytes() for path in other.rglob("*") if path.is_file()}
    with pytest.raises(IndexFormatError, match=r"9\.9\.9"):
        resplit_index(other)
    assert {path: path.read_bytes() for path in other.rglob("*") if path.is_file()} == before


def test_the_build_resplits_and_says_so(tmp_path: Path) -> None:
    site = tmp_path / "site"
    page = site / "a/index.html"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE.format(title="普陀村路灯", body="村民协商加装路灯。"), encoding="utf-8")
    stats = build_search_index(site)
    assert stats.chunks is not None and stats.chunks.chunks_after >= 1
    assert "index chunks" in str(stats)
