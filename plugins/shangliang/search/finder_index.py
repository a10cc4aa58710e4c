"""The case finder's own Pagefind bundle, `pagefind/finder/`: every published case, its filters, one word.

The finder (/cases/) lists the cases that match filters alone. Asked for that (`search(null,
{filters})`), Pagefind loads every chunk of its word index, since each holds a word that starts
with the empty string: megabytes at 10,000 cases. So the finder lists cases from a bundle of its
own instead, made from the catalogue (no built page is read again): one record per case
(`pages.finder.finder_records`) with the same filters the case page gives the site's index, its
date to sort by, what a result shows as metadata, and one word, `FINDER_WORD`, that every record
holds and the finder searches, in a chunk of its own (`search.chunks`); its fragments are a few
hundred bytes.
A text query still goes to the site's index, which holds the same filters. Drafts are never in it.

Each record is written as a tiny HTML file into a scratch folder (its path gives the record's URL)
and Pagefind's extended binary indexes the folder, as `search.pagefind` does the site. (Pagefind's
Python API takes records directly but waits 0.1 s for each reply: 17 minutes at 10,000 cases.)
"""

from __future__ import annotations

import contextlib
import html
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from shangliang.model import Catalogue
from shangliang.pages.finder import FinderRecord, finder_records
from shangliang.search.chunks import IndexFormatError, resplit_index
from shangliang.search.pagefind import find_pagefind_binary
from shangliang.urls import FINDER_INDEX_FOLDER

LANGUAGE = "zh"
"""The records' language: the site's (`<html lang="zh">`), which Pagefind's script picks its index by."""

_KEPT = ("pagefind.js", "pagefind-entry.json", "*.pf_meta", "*.pagefind", "index", "filter", "fragment")
"""What the finder loads; Pagefind's ready-made interfaces and its worker are removed."""
_TIMEOUT_SECONDS = 600


class FinderIndexError(Exception):
    """Writing the finder's bundle failed; the message is one line for an editor."""


@dataclass(frozen=True)
class FinderIndexStats:
    records: int
    bytes: int
    seconds: float

    def __str__(self) -> str:
        return f"{self.records} cases in {FINDER_INDEX_FOLDER}/, {self.bytes / 1024:.0f} KiB, {self.seconds:.1f} s"


def record_html(record: FinderRecord) -> str:
    """A record as the page Pagefind reads: the word as its only text, the rest as metadata, filters, sort."""
    def spans(kind: str, values: dict[str, list[str]]) -> str:
        return "".join(
            f'<span data-pagefind-{kind}="{html.escape(name)}">{html.escape(value, quote=False)}</span>'
            for name, found in values.items() for value in found
        )  # fmt: skip

    facts = spans("meta", {name: [value] for name, value in record.meta.items()})
    facts += spans("filter", record.filters) + spans("sort", {name: [value] for name, value in record.sort.items()})
    return (
        f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"></head><body>'
        f"<main data-pagefind-body><p>{html.escape(record.content, quote=False)}</p>"
        f"<div data-pagefind-ignore>{facts}</div></main></body></html>\n"
    )


def build_finder_index(site_dir: Path, catalogue: Catalogue, *, timeout: float = _TIMEOUT_SECONDS) -> FinderIndexStats:
    """Write `site_dir/pagefind/finder/` for the catalogue's published cases (after the site's own index,
    which replaces the whole `pagefind/` folder)."""
    started = time.monotonic()
    output = (Path(site_dir) / FINDER_INDEX_FOLDER).resolve()
    if output.is_dir():
        shutil.rmtree(output)
    records = finder_records(catalogue)
    try:
        binary = find_pagefind_binary()
    except Exception as error:  # SearchIndexError: the binary is missing
        raise FinderIndexError(str(error)) from None
    with tempfile.TemporaryDirectory(prefix="shangliang-finder-") as scratch:
        for record in records:
            page = Path(scratch, record.url.strip("/"), "index.html")
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(record_html(record), encoding="utf-8")
        command = [str(binary), "--site", scratch, "--output-path", str(output), "--force-language", LANGUAGE]
        try:
            result = subprocess.run(command, cwd=scratch, capture_output=True, text=True, encoding="utf-8",
                                    errors="replace", timeout=timeout, check=False)  # fmt: skip
        except (OSError, subprocess.TimeoutExpired) as error:
            raise FinderIndexError(f"the case finder's index was not written: {error}") from None
    if result.returncode != 0 or not (output / "pagefind.js").is_file():
        tail = " | ".join(line.strip() for line in (result.stderr or result.stdout).splitlines()[-3:] if line.strip())
        raise FinderIndexError(f"the case finder's index was not written (exit {result.returncode}): {tail}")
    # The word every record holds in a chunk of its own (Pagefind's hold other words as well); another
    # Pagefind version keeps its chunks as it wrote them (more bytes, the same results).
    with contextlib.suppress(IndexFormatError):
        resplit_index(output)
    kept = {path for pattern in _KEPT for path in output.glob(pattern)}
    for path in output.iterdir():
        if path not in kept:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    size = sum(path.stat().st_size for path in output.rglob("*") if path.is_file())
    return FinderIndexStats(len(records), size, time.monotonic() - started)
