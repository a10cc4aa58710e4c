"""build_search_index: the real Pagefind extended binary over a tiny Chinese site."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from shangliang.search import pagefind as search
from shangliang.search.pagefind import SearchIndexError, SearchIndexStats, build_search_index

PAGE = """<!doctype html>
<html lang="zh">
<head><meta charset="utf-8"><title>{title} - 协商品牌案例库</title></head>
<body>
<nav>导航：首页 品牌 地区 年度亮点</nav>
<article class="md-content__inner md-typeset" data-pagefind-body>
<h1 id="top">{title}<a class="headerlink" href="#top">#</a></h1>
<p>{body}</p>
<ul data-pagefind-ignore><li>相关案例列表不应进入索引</li></ul>
</article>
</body>
</html>
"""

PAGES = {
    "cases/2024/putuo-lights/index.html": (
        "普陀村老旧小区加装路灯",
        "村民反映夜间出行不便，政协委员协商后在老旧小区加装路灯四十二盏。",
    ),
    "cases/2023/garbage/index.html": (
        "社区垃圾分类投放点怎么设",
        "居民议事会讨论垃圾分类投放点的设置，兼顾便利与卫生。",
    ),
}

# Like Material's 404 page: no data-pagefind-body, so it is not indexed.
NOT_FOUND = '<!doctype html><html lang="zh"><body><h1>404 - 页面不存在</h1></body></html>'


def write_site(root: Path) -> Path:
    for relative, (title, body) in PAGES.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(PAGE.format(title=title, body=body), encoding="utf-8")
    (root / "404.html").write_text(NOT_FOUND, encoding="utf-8")
    return root


def test_indexes_the_articles_of_a_chinese_site(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")

    stats = build_search_index(site)

    assert isinstance(stats, SearchIndexStats)
    assert stats.pages == len(PAGES)  # the 404 page has no data-pagefind-body
    assert stats.languages == ("zh",)
    assert stats.output_dir == site / "pagefind"
    assert stats.seconds > 0
    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert stats.bytes == sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["zh"]["page_count"] == len(PAGES)
    assert len(list((bundle / "fragment").glob("*.pf_fragment"))) == len(PAGES)
    # Chinese segmentation: unsegmented, each sentence would be one or two words.
    assert stats.words >= 25, f"only {stats.words} words: Chinese text was not segmented"


def test_indexes_only_the_article_body(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    build_search_index(site)

    fragments = []
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes()).decode("utf-8")
        fragments.append(json.loads(raw[raw.index("{"):]))  # after Pagefind's signature
    # Pagefind stores segmented words separated by zero-width spaces.
    content = "\n".join(f["content"].replace("\u200b", "") for f in fragments)
    titles = {f["meta"]["title"] for f in fragments}

    assert titles == {title for title, _ in PAGES.values()}
    assert "加装路灯四十二盏" in content
    assert "导航" not in content  # outside the article
    assert "相关案例列表" not in content  # data-pagefind-ignore
    assert "#" not in content  # heading permalinks are excluded
    # Extended Pagefind segmented the Chinese: 路灯 is a word of its own.
    words = {w.strip() for f in fragments for w in f["content"].split("\u200b")}
    assert {"路灯", "加装", "小区"} <= words, sorted(words)


def test_rebuilding_replaces_the_previous_bundle(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    build_search_index(site)
    stale = site / "pagefind" / "fragment" / "zh_stale.pf_fragment"
    stale.write_bytes(b"old")

    stats = build_search_index(site)

    assert not stale.exists()
    assert stats.pages == len(PAGES)


def test_missing_site_dir_is_a_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-site"
    with pytest.raises(SearchIndexError) as raised:
        build_search_index(missing)
    message = str(raised.value)
    assert str(missing) in message
    assert "\n" not in message


def test_pagefind_failure_carries_its_stderr_tail(tmp_path: Path) -> None:
    empty = tmp_path / "empty-site"
    empty.mkdir()
    with pytest.raises(SearchIndexError) as raised:
        build_search_index(empty)
    message = str(raised.value)
    assert message.startswith("Pagefind failed (exit ")
    assert "not able to build an index" in message
    assert "\n" not in message


def test_missing_binary_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = write_site(tmp_path / "site")
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", None)  # import fails
    monkeypatch.setattr(search.shutil, "which", lambda name: None)
    with pytest.raises(SearchIndexError, match="pagefind-bin-extended"):
        build_search_index(site)


def test_module_is_pure() -> None:
    source = Path(search.__file__).read_text(encoding="utf-8")
    assert "import mkdocs" not in source and "from mkdocs" not in source
    assert "import logging" not in source
