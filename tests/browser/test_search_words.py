"""How the dialog cuts and converts a query (assets/shangliang/search/words.js), in headless Chromium.

The module is imported into a page of the served site and given a small lexicon, the
shape the build writes (`{first character: "tail tail"}`), so that each rule of the cut
is checked on its own; the query sets (test_search_recall.py) check the whole.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WORDS_MODULE = "assets/shangliang/search/words.js"

SHARD = {"济": "事 宁", "商": "量", "公": "交车 交", "荣": "昌", "内": "江", "市": "政", "政": "协",
         "邹": "城", "城": "市", "路": "灯", "红": "绿", "眼": "镜", "产": "业", "老": "街"}  # fmt: skip
MAPS = {"simplified": "業业濟济燈灯產产鏡镜", "phrases": {"瞭解": "了解"}, "traditional": "灯燈"}

CUTS = """async ([moduleUrl, shard, text]) => {
  const words = await import(moduleUrl);
  return words.cuts(text, words.Lexicon.fromShards([shard]));
}"""

SEARCHES = """async ([moduleUrl, shard, maps, query]) => {
  const words = await import(moduleUrl);
  const loaded = {"search.json": {format: words.FORMAT, words: ["w.json"], scripts: "s.json"},
                  "w.json": shard, "s.json": maps};
  const load = async (url) => loaded[new URL(url).pathname.split("/").pop()];
  return words.querySearches(words.searchWords("http://127.0.0.1/x/search.json", load), query);
}"""


@pytest.fixture
def page(new_page, site_server):
    page, _record = new_page()
    page.goto(site_server.url("/"), wait_until="load")
    return page


def cuts(page, site_server, text: str) -> list[list[str]]:
    return page.evaluate(CUTS, [site_server.url(WORDS_MODULE), SHARD, text])


def test_a_query_is_cut_into_the_words_the_index_holds(page, site_server):
    assert cuts(page, site_server, "济事商量") == [["济事", "商量"]]
    assert cuts(page, site_server, "公交") == [["公交"]]  # never 公 + 交
    assert cuts(page, site_server, "路灯 2023年") == [["路灯", "2023", "年"]]


def test_a_word_being_typed_is_a_start_of_a_word(page, site_server):
    assert cuts(page, site_server, "红绿灯公交车")[0] == ["红绿", "灯", "公交车"]
    assert cuts(page, site_server, "红绿") == [["红绿"]]


def test_an_ambiguous_cut_is_searched_both_ways(page, site_server):
    assert cuts(page, site_server, "邹城市") == [["邹", "城市"], ["邹城", "市"]]
    assert ["内江", "市", "政协"] in cuts(page, site_server, "内江市政协")


def test_a_query_in_traditional_characters_is_searched_in_simplified_and_as_the_index_holds_it(page, site_server):
    found = page.evaluate(SEARCHES, [site_server.url(WORDS_MODULE), SHARD, MAPS, "眼鏡產業"])
    assert found == {"searches": ["眼镜 产业"], "phrases": ['"眼镜 产业"'], "segmented": True}
    found = page.evaluate(SEARCHES, [site_server.url(WORDS_MODULE), SHARD, MAPS, "老街路灯"])
    assert "老街 路灯" in found["searches"]
    assert '"老街 路 燈"' in found["phrases"]  # the index holds 燈: a page written in traditional characters


def test_phrases_convert_before_characters(page, site_server):
    converted = page.evaluate(
        "async ([u, map]) => (await import(u)).convert('瞭解路燈', map)",
        [site_server.url(WORDS_MODULE), {"瞭解": "了解", "瞭": "X", "燈": "灯"}],
    )
    assert converted == "了解路灯"


def test_without_the_builds_words_a_query_is_left_to_pagefind(page, site_server):
    found = page.evaluate(
        """async (moduleUrl) => {
          const words = await import(moduleUrl);
          const missing = async () => { throw new Error("404"); };
          return words.querySearches(words.searchWords("http://127.0.0.1/x/search.json", missing), "济事商量");
        }""",
        site_server.url(WORDS_MODULE),
    )
    assert found == {"searches": ["济事商量"], "phrases": [], "segmented": False}
