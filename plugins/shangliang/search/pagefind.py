"""Build the Pagefind search index of a built site.

A pure module (no MkDocs, no logging): the plugin calls
`build_search_index(site_dir)` after the build and reports the result or the
`SearchIndexError` to the editor.

Pagefind's *extended* binary (from the `pagefind-bin-extended` wheel) is
required: only the extended build segments Chinese text into words at index
time, so that 路灯 is found inside 老旧小区加装路灯. The browser cuts the query
with the index's own words (below), so 普陀村路灯 becomes 普陀 + 村 + 路灯, as the
index holds them.

Only the article body is indexed: `overrides/main.html` marks the article
`data-pagefind-body`, and generated listings carry `data-pagefind-ignore`. Of a
case, the title (weighted first), the first paragraph of the write-up and what its
panel says (`overrides/shangliang/case.html`: brand, districts and sub-brands,
venue, format, departments, partners, tags, bulletins, year) are indexed, the
rest of the write-up is not (`CASE_BODY_SELECTORS`): at 10,000 cases the full
write-ups made one query download 300–400 KB of index (common words such as 社区
and 工作 sit in every write-up), while titles, ledes and panels find the case as well.

After Pagefind, `search_chunks.resplit_index` cuts the word index into small
chunks, so that each term of a query loads a few KB instead of 20–80 KB. Then the
index's words and their traditional/simplified forms are written into the bundle
(`lexicon.py`, `variants.py`) and `pagefind.js` is told to take the query's terms as
the browser cut them (`query_terms.py`): query and index agree on words.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from shangliang.search.chunks import (
    TARGET_BYTES,
    IndexFormatError,
    IndexWord,
    ResplitStats,
    chunk_table,
    chunk_words,
    in_content,
    page_count,
    resplit_index,
)
from shangliang.search.lexicon import SearchWords, write_search_words
from shangliang.search.query_terms import allow_segmented_queries
from shangliang.search.variants import script_maps
from shangliang.urls import SEARCH_FOLDER

__all__ = [
    "CASE_BODY_SELECTORS",
    "EXCLUDE_SELECTORS",
    "OUTPUT_SUBDIR",
    "SearchIndexError",
    "SearchIndexStats",
    "build_search_index",
    "find_pagefind_binary",
    "index_words",
]

#: Where the bundle goes, relative to the site directory (search.js expects it).
OUTPUT_SUBDIR = SEARCH_FOLDER

#: Parts of an article that are not content: heading permalinks ("#"), the
#: edit/view buttons and the tag chips.
EXCLUDE_SELECTORS: tuple[str, ...] = (".headerlink", ".md-content__button", ".md-source-file")

#: A case's write-up (`.sl-case-body`, overrides/shangliang/case.html) beyond its
#: first paragraph: headings, later paragraphs, lists, tables, quotes.
CASE_BODY_SELECTORS: tuple[str, ...] = (
    ".sl-case-body > :not(p):not(h1)",
    ".sl-case-body > p:not(:first-of-type)",
)

#: A word in this share of the pages or more, whose postings fill an index chunk of their own,
#: is left out of a query that has other terms (lexicon.write_search_words).
HEAVY_SHARE = 0.25

_BINARY_NAMES = ("pagefind_extended", "pagefind_extended.exe")
_TIMEOUT_SECONDS = 900


class SearchIndexError(Exception):
    """Building the search index failed; the message is one line for an editor."""


@dataclass(frozen=True)
class SearchIndexStats:
    """What one Pagefind run produced."""

    pages: int
    """Pages indexed."""
    words: int
    """Distinct words indexed."""
    languages: tuple[str, ...]
    """Languages Pagefind discovered (from `<html lang>`), e.g. ("zh",)."""
    seconds: float
    """Wall time of the run."""
    bytes: int
    """Total size of the written bundle directory."""
    output_dir: Path
    """The bundle directory, `<site_dir>/pagefind`."""
    chunks: ResplitStats | None = None
    """How the word index was re-split; None when it was left as Pagefind wrote it."""
    note: str = ""
    """Why the index was not re-split, if it was not."""
    words_for_queries: SearchWords | None = None
    """The index's words and script maps written for the browser; None when they could not be."""
    query_note: str = ""
    """Why the browser's query cutting is not in place (words not written, pagefind.js not patched)."""

    def __str__(self) -> str:
        languages = ", ".join(self.languages) or "no language"
        chunks = (
            f", {self.chunks.chunks_after} index chunks (Pagefind wrote {self.chunks.chunks_before})"
            if self.chunks else f"; index chunks not re-split: {self.note}"
        )
        queries = (
            f"; {self.words_for_queries.words} words in {self.words_for_queries.shards} shards for queries"
            if self.words_for_queries else ""
        )
        if self.query_note:
            queries += f"; queries cut by the browser's segmenter: {self.query_note}"
        return (
            f"{self.pages} pages, {self.words} words ({languages}) indexed in "
            f"{self.seconds:.1f} s, {self.bytes / 1024:.0f} KiB{chunks}{queries}"
        )


def find_pagefind_binary() -> Path:
    """The Pagefind extended executable shipped by the `pagefind-bin-extended` wheel."""
    candidates: list[Path] = []
    try:
        import pagefind_bin_extended  # the wheel that carries the binary
    except ImportError:
        pass
    else:
        package_dir = Path(pagefind_bin_extended.__file__).resolve().parent
        candidates.extend(package_dir / name for name in _BINARY_NAMES)
    for name in _BINARY_NAMES:
        found = shutil.which(name)
        if found:
            candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise SearchIndexError(
        "Pagefind extended binary not found: install the pinned "
        "pagefind-bin-extended package (pip install -e .)"
    )


def _one_line(text: str, limit: int = 300) -> str:
    """The last meaningful lines of a tool's output, squeezed onto one line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    tail = " | ".join(lines[-4:])
    return tail if len(tail) <= limit else "…" + tail[-limit:]


def _count(pattern: str, text: str) -> int | None:
    match = re.search(pattern, text)
    return int(match.group(1)) if match else None


def _directory_bytes(directory: Path) -> int:
    return sum(path.stat().st_size for path in directory.rglob("*") if path.is_file())


def build_search_index(
    site_dir: Path,
    *,
    exclude_selectors: tuple[str, ...] = EXCLUDE_SELECTORS + CASE_BODY_SELECTORS,
    timeout: float = _TIMEOUT_SECONDS,
    resplit: bool = True,
) -> SearchIndexStats:
    """Index the built site in `site_dir`; the bundle is written to `site_dir/pagefind/`.

    Raises `SearchIndexError` (one-line message) when the site directory or the
    binary is missing, Pagefind fails, times out, indexes nothing, or is not
    the extended (Chinese-segmenting) build. With `resplit`, the word index is
    then cut into small chunks (`search_chunks`); a bundle of a Pagefind version
    that module does not know is left as it is, and `note` says so.
    """
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise SearchIndexError(f"search index not built: site directory {site_dir} does not exist")
    binary = find_pagefind_binary()
    output_dir = site_dir / OUTPUT_SUBDIR
    if output_dir.is_dir():
        shutil.rmtree(output_dir)  # no stale fragments from an earlier --dirty build

    command = [str(binary), "--site", str(site_dir), "--output-subdir", OUTPUT_SUBDIR]
    if exclude_selectors:
        command += ["--exclude-selectors", ", ".join(exclude_selectors)]

    started = time.monotonic()
    try:
        # cwd is the site so that no stray pagefind.yml from elsewhere is read.
        result = subprocess.run(
            command,
            cwd=site_dir,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise SearchIndexError(f"Pagefind did not finish within {timeout:g} s") from error
    except OSError as error:
        raise SearchIndexError(f"Pagefind could not be started: {error}") from error
    seconds = time.monotonic() - started
    output = result.stdout + "\n" + result.stderr

    if result.returncode != 0:
        detail = _one_line(result.stderr) or _one_line(result.stdout) or "no output"
        raise SearchIndexError(f"Pagefind failed (exit {result.returncode}): {detail}")
    if "(Extended)" not in output:
        raise SearchIndexError(
            "Pagefind ran without Chinese word segmentation: it is not the extended build"
        )
    pages = _count(r"Indexed (\d+) pages?", output)
    if pages is None or not (output_dir / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind wrote no search bundle: {_one_line(output)}")
    if pages == 0:
        raise SearchIndexError(
            "Pagefind indexed no pages: no article carries data-pagefind-body "
            "(check that page templates extend main.html)"
        )
    language_match = re.search(r"Discovered \d+ languages?: ([^\n]+)", output)
    languages = tuple(
        sorted(part.strip() for part in language_match.group(1).split(",") if part.strip())
    ) if language_match else ()

    chunks, note = None, ""
    if resplit:
        try:
            chunks = resplit_index(output_dir)
        except IndexFormatError as error:
            note = str(error)
    else:
        note = "not asked"
    words_for_queries, query_note = _words_for_queries(output_dir)
    seconds = time.monotonic() - started

    return SearchIndexStats(
        pages=pages,
        words=_count(r"Indexed (\d+) words?", output) or 0,
        languages=languages,
        seconds=seconds,
        bytes=_directory_bytes(output_dir),
        output_dir=output_dir,
        chunks=chunks,
        note=note,
        words_for_queries=words_for_queries,
        query_note=query_note,
    )


def index_words(bundle: Path) -> list[IndexWord]:
    """Every word of the bundle's word index that some page holds in its text, of every language.

    Words found only in metadata values are left out: Pagefind keeps such a value
    (a case's `district: 北港区 · 港湾连心议`) as one word, which a query cut by it
    would find in no page's text.
    """
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return [
        word
        for language in entry.get("languages") or {}
        for _, _, name in chunk_table(bundle, language)
        for word in chunk_words(bundle / "index" / f"{name}.pf_index")
        if in_content(word)
    ]


def _words_for_queries(bundle: Path) -> tuple[SearchWords | None, str]:
    """Write the index's words and script maps for the browser and patch pagefind.js."""
    try:
        words = index_words(bundle)
    except (IndexFormatError, KeyError, ValueError) as error:
        return None, f"the index's words could not be read ({error})"
    texts = [word.text for word in words]
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = sum(language.get("page_count", 0) for language in (entry.get("languages") or {}).values())
    heavy = [
        word.text for word in words
        if len(word.raw) >= TARGET_BYTES and page_count(word) >= HEAVY_SHARE * pages
    ]
    written = write_search_words(bundle, texts, script_maps(texts), heavy)
    return written, allow_segmented_queries(bundle)
