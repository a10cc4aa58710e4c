"""Re-split Pagefind's word index into small chunks, so that one query downloads little.

Pagefind 1.5 closes a word-index chunk once it holds 20,000 word locations, and
a query loads the chunk of each of its terms. A Chinese query is cut into
several terms (普陀村路灯 → 普陀 + 村 + 路灯), so at 10,000 case pages one query
loaded four to six chunks of 20–80 KB each: far more than the words it needs.

`resplit_index` rewrites the chunks of a finished bundle: the same words with
the same postings, copied byte for byte and in the same order, grouped into
files of about `target_bytes` (a very common word gets a file of its own), and
the chunk table in the language's meta file rewritten to match. Nothing else in
the bundle changes.

Pagefind picks the chunks of a term `t` as those with `from <= t <= to`, and
finds every word that starts with `t` in them. So that a term which is a
prefix of words in several chunks (村 of 村民, 村委会, …) loads all of them, each
chunk's `from` is the first character of its first word and `to` its last word.

The formats read here are Pagefind's internal ones (CBOR, gzip, the
`pagefind_dcd` signature), checked against `SUPPORTED_VERSIONS`; a bundle of
another version is left as Pagefind wrote it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

__all__ = [
    "SUPPORTED_VERSIONS", "TARGET_BYTES", "IndexFormatError", "IndexWord", "ResplitStats", "chunk_table",
    "chunk_words", "group_words", "in_content", "page_count", "resplit_index",
]

SUPPORTED_VERSIONS = ("1.5.2",)
"""Pagefind versions whose index format this module knows."""

TARGET_BYTES = 6000
"""Uncompressed size a chunk grows to before it is closed (about 2–3 KB gzipped)."""

_SIGNATURE = b"pagefind_dcd"
_ARRAY, _TEXT = 4, 3


class IndexFormatError(Exception):
    """The bundle is not in the format this module knows; it was left unchanged."""


@dataclass(frozen=True)
class ResplitStats:
    chunks_before: int
    chunks_after: int
    largest_chunk_bytes: int
    """Largest gzipped chunk written (a single very common word)."""


@dataclass(frozen=True)
class IndexWord:
    """One word of the index with its postings."""

    text: str
    raw: bytes
    """The word's whole CBOR item (word, pages, variants), copied unchanged."""


@dataclass(frozen=True)
class _Plan:
    """What re-splitting one language writes, worked out before anything is changed."""

    language: str
    old_meta: Path
    old_chunks: tuple[Path, ...]
    chunks: dict[str, bytes]
    meta_hash: str
    meta: bytes


# -- CBOR, as much as Pagefind's files use -------------------------------------------


def _head(data: bytes, pos: int) -> tuple[int, int, int]:
    """(major type, argument, position after the head) of the item at `pos`."""
    if pos >= len(data):
        raise IndexFormatError("truncated CBOR item")
    initial = data[pos]
    major, info = initial >> 5, initial & 31
    if info < 24:
        return major, info, pos + 1
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None or pos + 1 + size > len(data):
        raise IndexFormatError(f"unsupported CBOR head 0x{initial:02x}")
    return major, int.from_bytes(data[pos + 1 : pos + 1 + size], "big"), pos + 1 + size


def _skip(data: bytes, pos: int) -> int:
    """The position after the item starting at `pos`."""
    major, argument, pos = _head(data, pos)
    if major in (0, 1, 7):
        return pos
    if major in (2, 3):
        return pos + argument
    if major == 4:
        for _ in range(argument):
            pos = _skip(data, pos)
        return pos
    if major == 5:
        for _ in range(2 * argument):
            pos = _skip(data, pos)
        return pos
    if major == 6:
        return _skip(data, pos)
    raise IndexFormatError(f"unsupported CBOR major type {major}")


def _expect(data: bytes, pos: int, major: int) -> tuple[int, int]:
    found, argument, pos = _head(data, pos)
    if found != major:
        raise IndexFormatError(f"expected CBOR major type {major}, found {found}")
    return argument, pos


def _read_text(data: bytes, pos: int) -> tuple[str, int]:
    length, pos = _expect(data, pos, _TEXT)
    return data[pos : pos + length].decode("utf-8"), pos + length


def _encode_head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise ValueError(argument)


def _encode_text(text: str) -> bytes:
    raw = text.encode("utf-8")
    return _encode_head(_TEXT, len(raw)) + raw


# -- Pagefind's files ------------------------------------------------------------------


def _read_file(path: Path) -> bytes:
    data = path.read_bytes()
    if not data.startswith(_SIGNATURE):
        data = gzip.decompress(data)
    if not data.startswith(_SIGNATURE):
        raise IndexFormatError(f"{path.name}: no Pagefind signature")
    return data[len(_SIGNATURE) :]


def _write_file(path: Path, body: bytes) -> None:
    path.write_bytes(gzip.compress(_SIGNATURE + body, compresslevel=9, mtime=0))


def _chunk_words(data: bytes) -> list[IndexWord]:
    """The words of one index chunk: a 1-array holding the array of words."""
    fields, pos = _expect(data, 0, _ARRAY)
    if fields != 1:
        raise IndexFormatError(f"index chunk: expected 1 field, found {fields}")
    count, pos = _expect(data, pos, _ARRAY)
    words = []
    for _ in range(count):
        start = pos
        _, inner = _expect(data, pos, _ARRAY)
        text, _ = _read_text(data, inner)
        pos = _skip(data, start)
        words.append(IndexWord(text, data[start:pos]))
    return words


def page_count(word: IndexWord) -> int:
    """How many pages hold `word` (in their text or their metadata)."""
    _, pos = _expect(word.raw, 0, _ARRAY)
    pages, _ = _expect(word.raw, _skip(word.raw, pos), _ARRAY)
    return pages


def in_content(word: IndexWord) -> bool:
    """Whether some page holds `word` in its text, not only in a metadata value.

    A word's item is `[text, [[page, locations, meta locations], …], variants]`;
    Pagefind indexes a metadata value (`data-pagefind-meta`) as one whole word too.
    """
    raw = word.raw
    _, pos = _expect(raw, 0, _ARRAY)
    pos = _skip(raw, pos)
    pages, pos = _expect(raw, pos, _ARRAY)
    for _ in range(pages):
        start = pos
        _, inner = _expect(raw, pos, _ARRAY)
        inner = _skip(raw, inner)  # the page number
        locations, _ = _expect(raw, inner, _ARRAY)
        if locations:
            return True
        pos = _skip(raw, start)
    return False


def _meta_items(data: bytes) -> list[bytes]:
    """The top-level items of a meta file: version, pages, chunks, filters, sorts, meta fields."""
    count, pos = _expect(data, 0, _ARRAY)
    items = []
    for _ in range(count):
        start, pos = pos, _skip(data, pos)
        items.append(data[start:pos])
    if len(items) < 3:
        raise IndexFormatError(f"meta: expected at least 3 fields, found {len(items)}")
    return items


def _chunk_table(item: bytes) -> list[tuple[str, str, str]]:
    count, pos = _expect(item, 0, _ARRAY)
    table = []
    for _ in range(count):
        fields, pos = _expect(item, pos, _ARRAY)
        if fields != 3:
            raise IndexFormatError(f"meta: chunk entry of {fields} fields, expected 3")
        start, pos = _read_text(item, pos)
        end, pos = _read_text(item, pos)
        name, pos = _read_text(item, pos)
        table.append((start, end, name))
    return table


# -- the re-split ------------------------------------------------------------------------


def group_words(words: list[IndexWord], target_bytes: int) -> list[list[IndexWord]]:
    """Consecutive words grouped into chunks of about `target_bytes`.

    A word of `target_bytes` or more is a chunk of its own, so that the words
    around it do not carry it. A chunk preferably ends where the first character
    changes, so that few chunks share a `from` (a term loads every chunk whose
    range holds it).
    """
    chunks: list[list[IndexWord]] = []
    current: list[IndexWord] = []
    size = 0
    for position, word in enumerate(words):
        big = len(word.raw) >= target_bytes
        if current and big:
            chunks.append(current)
            current, size = [], 0
        current.append(word)
        size += len(word.raw)
        following = words[position + 1].text if position + 1 < len(words) else ""
        family_ends = following[:1] != word.text[:1]
        if big or (size >= target_bytes and family_ends) or size >= 3 * target_bytes:
            chunks.append(current)
            current, size = [], 0
    if current:
        chunks.append(current)
    return chunks


def _name(language: str, body: bytes, taken: set[str], digits: int = 7) -> str:
    digest = hashlib.sha256(body).hexdigest()
    name = f"{language}_{digest[:digits]}"
    while name in taken:
        digits += 1
        name = f"{language}_{digest[:digits]}"
    taken.add(name)
    return name


def chunk_table(bundle: Path, language: str) -> list[tuple[str, str, str]]:
    """(from, to, file name) of each word-index chunk of `language`, as its meta file lists them."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_hash = entry["languages"][language]["hash"]
    return _chunk_table(_meta_items(_read_file(bundle / f"pagefind.{meta_hash}.pf_meta"))[2])


def chunk_words(path: Path) -> list[IndexWord]:
    """The words of one chunk file (`index/<name>.pf_index`), in order."""
    return _chunk_words(_read_file(path))


def _plan(bundle: Path, language: str, meta_hash: str, target_bytes: int) -> _Plan:
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    items = _meta_items(_read_file(meta_path))
    old_table = _chunk_table(items[2])
    old_chunks = tuple(bundle / "index" / f"{name}.pf_index" for _, _, name in old_table)
    words = [word for path in old_chunks for word in _chunk_words(_read_file(path))]
    if any(a.text > b.text for a, b in pairwise(words)):
        raise IndexFormatError("index chunks are not in word order")

    taken: set[str] = set()
    chunks: dict[str, bytes] = {}
    table = []
    for group in group_words(words, target_bytes):
        body = _encode_head(_ARRAY, 1) + _encode_head(_ARRAY, len(group)) + b"".join(w.raw for w in group)
        name = _name(language, body, taken)
        chunks[name] = body
        table.append((group[0].text[:1], group[-1].text, name))
    items[2] = _encode_head(_ARRAY, len(table)) + b"".join(
        _encode_head(_ARRAY, 3) + _encode_text(start) + _encode_text(end) + _encode_text(name)
        for start, end, name in table
    )
    meta = _encode_head(_ARRAY, len(items)) + b"".join(items)
    return _Plan(language, meta_path, old_chunks, chunks, _name(language, meta, set(), digits=10), meta)


def resplit_index(bundle: Path, *, target_bytes: int = TARGET_BYTES) -> ResplitStats:
    """Re-split the word index of every language of the Pagefind bundle in `bundle`.

    Raises `IndexFormatError`, before changing anything, when the bundle is of
    a Pagefind version not in `SUPPORTED_VERSIONS` or its files are not as expected.
    """
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    version = entry.get("version")
    if version not in SUPPORTED_VERSIONS:
        raise IndexFormatError(f"Pagefind {version} is not one of {', '.join(SUPPORTED_VERSIONS)}")
    languages = entry.get("languages") or {}
    plans = [_plan(bundle, language, info["hash"], target_bytes) for language, info in languages.items()]

    largest = 0
    for plan in plans:
        for path in plan.old_chunks:
            path.unlink()
        for name, body in plan.chunks.items():
            path = bundle / "index" / f"{name}.pf_index"
            _write_file(path, body)
            largest = max(largest, path.stat().st_size)
        plan.old_meta.unlink()
        _write_file(bundle / f"pagefind.{plan.meta_hash}.pf_meta", plan.meta)
        languages[plan.language]["hash"] = plan.meta_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return ResplitStats(
        chunks_before=sum(len(plan.old_chunks) for plan in plans),
        chunks_after=sum(len(plan.chunks) for plan in plans),
        largest_chunk_bytes=largest,
    )
