"""The index's own words, shipped to the browser so that a query is cut as the index was.

Pagefind's extended build cuts Chinese text into words when it indexes (济事商量 →
济事 + 商量), while the browser knows no such dictionary: its own segmenter cuts the
query differently (济 + 事 + 商量), and a term the index does not hold finds the wrong
pages. So the build writes the words of the index into the bundle, and the browser cuts
a query by longest match against them (`assets/shangliang/search/words.js`).

The words are sharded by their first character (`code point % shards`), so a query
fetches only the shards of its own characters: each shard is a JSON object, first
character → its words' remaining characters, sorted and joined by spaces
(`{"济": "宁 宁市 事"}`). Only words of 2 to `MAX_WORD_CHARS` Han characters are kept:
the browser cuts only runs of Han characters by the dictionary (digits and letters are
terms of their own), a single character needs no dictionary, and longer "words" are
whole titles or metadata values that Pagefind keeps as they are.

`write_search_words(bundle, words, maps)` writes the shards, the traditional/simplified
maps (`variants.py`; characters as a string of pairs, `燈灯綠绿`, phrases as an object)
and `shangliang/search.json`, which names them; the browser reads that file first.
Everything is written under `<bundle>/shangliang/`.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from shangliang.search.variants import ScriptMaps

__all__ = [
    "FOLDER", "FORMAT", "MANIFEST", "MAX_WORD_CHARS", "SHARD_BYTES", "SearchWords", "lexicon_words", "script_file",
    "shard_of", "shards", "write_search_words",
]

FOLDER = "shangliang"
MANIFEST = "search.json"
FORMAT = 1
"""Version of the files' format; words.js refuses another."""
MAX_WORD_CHARS = 8
SHARD_BYTES = 6000
"""Uncompressed size a shard is aimed at (about 3 KB gzipped)."""

_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@dataclass(frozen=True)
class SearchWords:
    """What `write_search_words` wrote."""

    words: int
    shards: int
    bytes: int
    """Total size of the files written (uncompressed)."""
    script_maps: bool
    """Whether the traditional/simplified maps were written (OpenCC installed)."""


def lexicon_words(words: Iterable[str]) -> list[str]:
    """The index words the browser needs to cut queries, sorted."""
    kept = {
        word for word in words
        if 2 <= len(word) <= MAX_WORD_CHARS and _WORD.fullmatch(word)
    }
    return sorted(kept)


def shard_of(char: str, count: int) -> int:
    """The shard holding the words that start with `char` (words.js computes the same)."""
    return ord(char) % count


def shards(words: list[str], target_bytes: int = SHARD_BYTES) -> list[dict[str, str]]:
    """`words` grouped into shards: first character → the words' tails joined by spaces."""
    total = sum(len(word.encode("utf-8")) + 1 for word in words)
    count = max(1, math.ceil(total / target_bytes))
    grouped: list[dict[str, list[str]]] = [{} for _ in range(count)]
    for word in words:
        grouped[shard_of(word[0], count)].setdefault(word[0], []).append(word[1:])
    return [{first: " ".join(sorted(tails)) for first, tails in sorted(shard.items())} for shard in grouped]


def _pairs(mapping: dict[str, str]) -> str:
    """Single characters and their conversions as one string of pairs: `燈灯綠绿`."""
    return "".join(key + value for key, value in sorted(mapping.items()))


def script_file(maps: ScriptMaps) -> dict[str, object]:
    """The script maps as words.js reads them: character pairs, and phrases apart."""
    one = {key: value for key, value in maps.to_simplified.items() if len(key) == len(value) == 1}
    phrases = {key: value for key, value in maps.to_simplified.items() if key not in one}
    return {"simplified": _pairs(one), "phrases": phrases, "traditional": _pairs(maps.to_traditional)}


def _dump(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def _write_hashed(folder: Path, stem: str, body: bytes) -> str:
    name = f"{stem}-{hashlib.sha256(body).hexdigest()[:10]}.json"
    (folder / name).write_bytes(body)
    return name


def write_search_words(
    bundle: Path, words: Iterable[str], maps: ScriptMaps, heavy: Iterable[str] = ()
) -> SearchWords:
    """Write the word shards and script maps of an index into `<bundle>/shangliang/`.

    `heavy` are the words whose postings fill an index chunk of their own (in most
    pages): the browser leaves them out of a query that has other terms, since they
    would add many bytes and hardly change its results.
    """
    folder = bundle / FOLDER
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    kept = lexicon_words(words)
    names = [_write_hashed(folder, f"words-{number}", _dump(shard)) for number, shard in enumerate(shards(kept))]
    manifest: dict[str, object] = {"format": FORMAT, "words": names, "heavy": sorted(set(heavy))}
    if maps.available:
        manifest["scripts"] = _write_hashed(folder, "scripts", _dump(script_file(maps)))
    (folder / MANIFEST).write_bytes(_dump(manifest))
    return SearchWords(
        words=len(kept),
        shards=len(names),
        bytes=sum(path.stat().st_size for path in folder.iterdir()),
        script_maps=maps.available,
    )
