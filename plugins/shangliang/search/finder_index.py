"""The case finder's own Pagefind bundle, `pagefind/finder/`: every published case, its filters, one word.

The finder (/cases/) lists the cases that match filters alone. Asked for that (`search(null,
{filters})`), Pagefind loads every chunk of its word index, since each holds a word that starts
with the empty string: megabytes at 10,000 cases. So the finder lists cases from a bundle of its
own instead, written from the catalogue through Pagefind's Python API (no page is read again):
one record per case, with the same filters the case page gives the site's index
(`pages.finder.case_values`), its date to sort by, what a result shows as metadata, and one word,
`FINDER_WORD`, that every record holds and the finder searches. Its word index is that one word;
its fragments are a few hundred bytes. A text query still goes to the site's index, which
holds the same filters. Pure apart from writing the bundle; drafts are never in it.
"""

from __future__ import annotations

import asyncio
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from shangliang.model import Catalogue
from shangliang.pages.finder import FinderRecord, finder_records
from shangliang.urls import FINDER_INDEX_FOLDER

LANGUAGE = "zh"
"""The records' language: the site's (`<html lang="zh">`), which Pagefind's script picks its index by."""

_BATCH = 500
_NOT_USED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js",
             "pagefind-worker.js")  # fmt: skip
"""Pagefind's ready-made interfaces and its worker, which the finder does not load."""


class FinderIndexError(Exception):
    """Writing the finder's bundle failed; the message is one line for an editor."""


@dataclass(frozen=True)
class FinderIndexStats:
    records: int
    bytes: int
    seconds: float

    def __str__(self) -> str:
        return f"{self.records} cases in {FINDER_INDEX_FOLDER}/, {self.bytes / 1024:.0f} KiB, {self.seconds:.1f} s"


def build_finder_index(site_dir: Path, catalogue: Catalogue) -> FinderIndexStats:
    """Write `site_dir/pagefind/finder/` for the catalogue's published cases (after the site's own index,
    which replaces the whole `pagefind/` folder)."""
    started = time.monotonic()
    output = Path(site_dir) / FINDER_INDEX_FOLDER
    if output.is_dir():
        shutil.rmtree(output)
    records = finder_records(catalogue)
    try:
        asyncio.run(_write(records, output))
    except (OSError, AssertionError, RuntimeError) as error:
        raise FinderIndexError(f"the case finder's index was not written: {error}") from None
    for pattern in _NOT_USED:
        for path in output.glob(pattern):
            path.unlink()
    size = sum(path.stat().st_size for path in output.rglob("*") if path.is_file())
    return FinderIndexStats(len(records), size, time.monotonic() - started)


async def _write(records: list[FinderRecord], output: Path) -> None:
    from pagefind.index import PagefindIndex  # the pinned `pagefind` package, with the extended binary

    async with PagefindIndex(config={"output_path": str(output)}) as index:
        for start in range(0, len(records), _BATCH):
            await asyncio.gather(*(
                index.add_custom_record(url=record.url, content=record.content, language=LANGUAGE,
                                        meta=record.meta, filters=record.filters, sort=record.sort)
                for record in records[start:start + _BATCH]
            ))  # fmt: skip
