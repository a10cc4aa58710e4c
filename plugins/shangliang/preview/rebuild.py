"""Which pages a `mkdocs serve --dirty` rebuild must render again.

MkDocs' dirty build renders a page again only when its own source file changed
since its output was written. Our listing pages show other files: a district
page lists its cases, a case page links to its neighbours, the home page sums
every case. `plan_rebuild` compares what the previous build published with what
this build publishes and names every page whose output is out of date, so that
the preview stays complete while only a handful of pages are rendered.

Every rebuild still reads the whole tree, so lists stay complete; `DocumentCache`
keeps what reading unchanged files gave last time, so that costs little.
`settings_fingerprint` notices a changed configuration or template (every page
then is out of date).

A pure module: the plugin turns a `Rebuild` into MkDocs' terms (see plugin.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from shangliang.content.catalogue import LoadResult
from shangliang.content.reading import Document, ReadError, read_document
from shangliang.model import Case, Catalogue, Kind
from shangliang.pages.finder import finder_pages_showing
from shangliang.pages.grouping import Index
from shangliang.urls import BRANDS_INDEX_SRC, DISTRICTS_INDEX_SRC, HIGHLIGHTS_INDEX_SRC, HOME_SRC, highlights_src

SITE_LISTINGS: tuple[str, ...] = (HOME_SRC, BRANDS_INDEX_SRC, DISTRICTS_INDEX_SRC, HIGHLIGHTS_INDEX_SRC)
"""Pages that show figures or lists of the whole site: out of date whenever any case changes."""


@dataclass(frozen=True)
class Published:
    """What one build published, as far as other pages show it."""

    catalogue: Catalogue
    pages: frozenset[str]
    """`src_uri` of every page the build renders (generated pages included, drafts not)."""
    nav: frozenset[tuple[str, str | None]]
    """(`src_uri`, stated title) of every page that may be in the navigation: what every page shows."""
    kinds: Mapping[str, Kind]
    problems: frozenset[tuple[str, str]]
    """(`src_uri`, line) of the content's problems (a preview shows them on its pages)."""
    settings: str
    """A fingerprint of the configuration and templates: when it changes, every page is out of date."""

    @classmethod
    def of(
        cls, load: LoadResult, *, pages: Iterable[str], nav_pages: Iterable[str], settings: str = ""
    ) -> Published:
        """`pages`: every page the build renders; `nav_pages`: those that may be in the navigation."""
        return cls(
            catalogue=load.catalogue,
            pages=frozenset(pages),
            nav=frozenset((src_uri, load.titles.get(src_uri)) for src_uri in nav_pages),
            kinds=dict(load.kinds),
            problems=frozenset((problem.src_uri, str(problem)) for problem in load.problems),
            settings=settings,
        )


@dataclass(frozen=True)
class Rebuild:
    """The outcome of comparing two builds."""

    everything: bool
    """Every page is out of date (first build, or something every page shows changed)."""
    stale: frozenset[str]
    """`src_uri` of the pages to render again (when not `everything`)."""
    gone: frozenset[str]
    """`src_uri` of pages the previous build published and this one does not: their output must go."""
    reason: str
    """Why, in a few words, for the log."""


def plan_rebuild(previous: Published | None, current: Published) -> Rebuild:
    """The pages of `current` whose output, written by the build of `previous`, is out of date."""
    if previous is None:
        return _everything("first build", frozenset())
    gone = previous.pages - current.pages
    if previous.settings != current.settings:
        return _everything("configuration or templates changed", gone)
    old, new = previous.catalogue, current.catalogue
    if old.brands != new.brands or old.districts != new.districts or old.venues != new.venues:
        return _everything("brands, districts or venues changed", gone)
    if previous.nav != current.nav:
        return _everything("navigation changed", gone)

    changed = _changed_cases(old, new)
    stale: set[str] = set()
    if changed:
        stale.update(SITE_LISTINGS)
        stale.update(_listings_showing(changed, new, current.pages))
        stale.update(_moved_neighbours(changed, old, new))
        stale.update(finder_pages_showing(changed, old, new))
    stale.update(src_uri for src_uri, _ in previous.problems ^ current.problems)
    stale.update(_ordinary_pages(current))
    stale &= current.pages
    count = len(changed)
    reason = f"{count} {'case' if count == 1 else 'cases'} changed" if count else "no case changed"
    return Rebuild(False, frozenset(stale), gone, reason)


def _everything(reason: str, gone: frozenset[str]) -> Rebuild:
    return Rebuild(True, frozenset(), gone, reason)


def _changed_cases(old: Catalogue, new: Catalogue) -> list[tuple[Case | None, Case | None]]:
    """(before, after) of every published case that was added, removed or changed in any field."""
    before = {case.src_uri: case for case in old.cases}
    after = {case.src_uri: case for case in new.cases}
    return [
        (before.get(src_uri), after.get(src_uri))
        for src_uri in sorted(before.keys() | after.keys())
        if before.get(src_uri) != after.get(src_uri)
    ]


def _listings_showing(
    changed: list[tuple[Case | None, Case | None]], catalogue: Catalogue, published: frozenset[str]
) -> set[str]:
    """The district, brand and highlight pages that list or count a changed case, before or after.

    A district's pages are its own and, when its index is split by year, every page
    under its URL (`<district>/<year>.md`…, see `urls.district_year_src`), which all show every year's count.
    """
    pages: set[str] = set()
    districts: set[str] = set()
    for pair in changed:
        for case in pair:
            if case is None:
                continue
            districts.update(key for key in case.district_keys if key in catalogue.districts)
            if case.brand_key in catalogue.brands:
                pages.add(catalogue.brands[case.brand_key].src_uri)
            if case.highlight_year is not None:
                pages.add(highlights_src(case.highlight_year))
            if case.venue_key in catalogue.venues:
                pages.add(catalogue.venues[case.venue_key].src_uri)
    pages.update(catalogue.districts[key].src_uri for key in districts)
    prefixes = tuple(catalogue.districts[key].url for key in districts)
    if prefixes:
        pages.update(src_uri for src_uri in published if src_uri.startswith(prefixes))
    return pages


def _moved_neighbours(
    changed: list[tuple[Case | None, Case | None]], old: Catalogue, new: Catalogue
) -> set[str]:
    """Cases whose previous/next links (in any of their districts) now point elsewhere or read differently."""
    districts = {key for pair in changed for case in pair if case is not None for key in case.district_keys}
    old_index, new_index = Index(old), Index(new)
    before = {
        case.src_uri: case for key in districts for case in old_index.cases_in_district(key)
    }
    pages = set()
    for key in districts:
        for case in new_index.cases_in_district(key):
            previous = before.get(case.src_uri)
            if previous is None or _neighbour_links(old_index, previous) != _neighbour_links(new_index, case):
                pages.add(case.src_uri)
    return pages


def _neighbour_links(index: Index, case: Case) -> list[tuple[str, tuple[str, str] | None, tuple[str, str] | None]]:
    """What a case page shows of its neighbours: per district, the older and newer case's URL and title."""
    def link(neighbour: Case | None) -> tuple[str, str] | None:
        return (neighbour.url, neighbour.title) if neighbour is not None else None

    return [(row.district.key, link(row.older), link(row.newer)) for row in index.neighbours(case)]


def _ordinary_pages(published: Published) -> set[str]:
    """Pages that are not cases, listings or roundups: rendered again on every rebuild.

    They are few, and the topics page is among them: Material's tags plugin links
    a page's tags only to listings it read in the same build, and fills a listing
    with the tags of every page (the plugin gives it those of pages not read).
    """
    return {src_uri for src_uri in published.pages if published.kinds.get(src_uri) is Kind.PAGE}


class DocumentCache:
    """`read_document` that remembers each file's outcome while its bytes stay the same.

    Pass it as `load_catalogue(..., read=cache)`; files that are gone are forgotten at
    the next `forget_others`. Reading is the dearest part of loading a large tree.
    """

    def __init__(self) -> None:
        self._outcomes: dict[str, tuple[bytes, Document | ReadError]] = {}
        self._seen: set[str] = set()

    def __call__(self, src_uri: str, raw: bytes) -> Document:
        self._seen.add(src_uri)
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        known = self._outcomes.get(src_uri)
        if known is None or known[0] != digest:
            try:
                outcome: Document | ReadError = read_document(src_uri, raw)
            except ReadError as error:
                outcome = error
            known = self._outcomes[src_uri] = (digest, outcome)
        if isinstance(known[1], ReadError):
            raise known[1].with_traceback(None)
        return known[1]

    def forget_others(self) -> None:
        """Forget the files not read since the last call (deleted or renamed)."""
        for src_uri in self._outcomes.keys() - self._seen:
            del self._outcomes[src_uri]
        self._seen = set()


def settings_fingerprint(config_file: str | None, custom_dir: str | None) -> str:
    """Changes when the configuration file or a file of the theme's `custom_dir` changes."""
    digest = hashlib.sha256()
    if config_file and Path(config_file).is_file():
        digest.update(Path(config_file).read_bytes())
    if custom_dir:
        for path in sorted(Path(custom_dir).rglob("*")):
            if path.is_file():
                digest.update(f"\0{path}\0{path.stat().st_mtime_ns}".encode())
    return digest.hexdigest()
