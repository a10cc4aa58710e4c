"""What the build writes so that a query is cut and converted as the index needs.

The index's words (lexicon.py), the traditional/simplified maps from OpenCC
(variants.py) and the one change to pagefind.js (query_terms.py); the real Pagefind
extended binary over a tiny site for the end-to-end part.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shangliang.search.lexicon import FOLDER, MANIFEST, lexicon_words, shard_of, shards, write_search_words
from shangliang.search.pagefind import build_search_index, index_words
from shangliang.search.query_terms import UNPATCHED, patched
from shangliang.search.variants import ScriptMaps, script_maps

PAGE = """<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>{title}</title></head>
<body><article data-pagefind-body><h1>{title}</h1><p>{body}</p>
<dl data-pagefind-ignore><dd data-pagefind-meta="district">北港区 · 港湾连心议</dd></dl></article></body></html>
"""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("words-site")
    pages = {
        "cases/a/index.html": ("普陀村院落加装路灯", "荣昌区政协委员把济事商量带进院坝，商量小院路灯怎么安装。"),
        "cases/b/index.html": ("老街路燈整治", "老街的路燈年久失修，委員和居民一起商量。"),
    }
    for relative, (title, body) in pages.items():
        path = site / relative
        path.parent.mkdir(parents=True)
        path.write_text(PAGE.format(title=title, body=body), encoding="utf-8")
    build_search_index(site)
    return site / "pagefind"


def read(bundle: Path, name: str) -> dict:
    return json.loads((bundle / FOLDER / name).read_text(encoding="utf-8"))


def test_the_words_of_the_index_are_shipped_for_cutting_queries(bundle: Path) -> None:
    manifest = read(bundle, MANIFEST)
    words: dict[str, list[str]] = {}
    for name in manifest["words"]:
        for first, tails in read(bundle, name).items():
            words.setdefault(first, []).extend(tails.split(" "))
    assert "灯" in words["路"] and "量" in words["商"], words  # 路灯, 商量: words of the index
    assert "事" in words["济"]  # 济事 (the index cut 济事商量 into 济事 + 商量)


def test_words_only_in_metadata_values_are_left_out(bundle: Path) -> None:
    words = [word.text for word in index_words(bundle)]
    assert "港湾连心议" not in words  # only the district meta value holds it, as a whole
    assert "路灯" in words


def test_a_shard_holds_the_words_of_its_first_characters() -> None:
    kept = lexicon_words(["路灯", "路", "2024年", "普陀村院落加装路灯", "红绿灯", "abc", "商量"])
    assert kept == ["商量", "红绿灯", "路灯"]  # 2+ Han characters, at most 8, no digits or letters
    grouped = shards(kept, target_bytes=10)
    assert len(grouped) >= 2
    for word in kept:
        assert word[1:] in grouped[shard_of(word[0], len(grouped))][word[0]].split(" ")


def test_traditional_characters_map_to_the_simplified_ones_the_index_holds(bundle: Path) -> None:
    maps = read(bundle, read(bundle, MANIFEST)["scripts"])
    simplified = pairs(maps["simplified"])
    assert simplified["燈"] == "灯" and simplified["濟"] == "济"
    assert "紅" not in simplified  # 红 is in no page: nothing to find
    # The index holds traditional characters too (老街路燈整治): a simplified query looks for them.
    assert pairs(maps["traditional"])["灯"] == "燈"


def pairs(text: str) -> dict[str, str]:
    return dict(zip(text[::2], text[1::2], strict=True))


def test_phrases_are_kept_where_characters_alone_convert_wrongly() -> None:
    maps = script_maps(["了解", "乾坤", "干净", "路灯"])
    assert maps.available
    assert maps.to_simplified["瞭解"] == "了解"  # 瞭 alone stays 瞭
    assert maps.to_simplified["乾坤"] == "乾坤"  # 乾 alone becomes 干
    assert maps.to_simplified["燈"] == "灯"
    assert "路燈" not in maps.to_simplified  # its characters convert right


def test_without_opencc_no_maps_are_written(tmp_path: Path) -> None:
    written = write_search_words(tmp_path, ["路灯"], ScriptMaps(available=False))
    assert not written.script_maps
    assert "scripts" not in read(tmp_path, MANIFEST)


def test_pagefind_js_takes_a_query_cut_already(bundle: Path) -> None:
    text = (bundle / "pagefind.js").read_text(encoding="utf-8")
    assert UNPATCHED not in text
    assert "needsWordSegmentation(trueLanguage)&&!options2.segmented" in text
    worker = (bundle / "pagefind-worker.js").read_text(encoding="utf-8")
    assert "needsWordSegmentation(trueLanguage)&&!options.segmented" in worker


def test_an_unknown_pagefind_script_is_left_alone() -> None:
    assert patched("function search(){ if(needsWordSegmentation(x)){} }") is None
    twice = "async search(term,o={}){o={verbose:1};" + UNPATCHED + UNPATCHED
    assert patched(twice) is None


def test_the_build_says_what_it_wrote(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(PAGE.format(title="路灯", body="安装路灯。"), encoding="utf-8")
    stats = build_search_index(site)
    assert stats.words_for_queries is not None and stats.words_for_queries.words >= 2
    assert stats.query_note == ""
    assert "for queries" in str(stats)
