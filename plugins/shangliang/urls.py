"""Where everything is: one rule for each kind of page and file of the site.

Every URL here is site-relative, without a leading slash (`cases/2024/x/`), as
MkDocs' `url` filter expects; every source path is relative to the content folder
(`cases/2024/x.md`). Brand, district, venue and case pages are wherever their file
is: their URL comes from the file's path, whatever folder it sits in. The generated
listings have fixed places. Nothing else in the package builds a URL or a path of
the site from pieces.
"""

from __future__ import annotations

from urllib.parse import quote

HOME = ""
"""The home page's URL."""


def page_url(src_uri: str) -> str:
    """The URL of the page a Markdown file becomes, lowercased: `cases/2024/X.md` → `cases/2024/x/`.

    As in MkDocs, `index.md` and `README.md` stand for their folder.
    """
    parent, _, filename = src_uri.rpartition("/")
    name = filename.removesuffix(".md")
    path = parent if name in ("index", "README") else (f"{parent}/{name}" if parent else name)
    url = path.lower()
    return f"{url}/" if url else HOME


def href(url: str) -> str:
    """A site-relative URL percent-encoded for an attribute or a feed (`/`, `#` and `%` kept)."""
    return quote(url, safe="/#%")


# -- generated listings: their source files (generated unless an editor wrote one) ---------

HOME_SRC = "index.md"
BRANDS_INDEX_SRC = "brands/index.md"
DISTRICTS_INDEX_SRC = "districts/index.md"
HIGHLIGHTS_INDEX_SRC = "highlights/index.md"
ROUNDUPS_INDEX_SRC = "roundups/index.md"


def highlights_src(year: int) -> str:
    """`highlights/2024.md`: a year's commended cases (an editor's page, or generated)."""
    return f"highlights/{year}.md"


def highlights_url(year: int) -> str:
    return page_url(highlights_src(year))


HIGHLIGHTS_INDEX_URL = page_url(HIGHLIGHTS_INDEX_SRC)


def roundup_src(year: int) -> str:
    """`roundups/2024.md`: a year's roundup, written by `scripts/roundup.py`."""
    return f"roundups/{year}.md"


def roundup_url(year: int) -> str:
    return page_url(roundup_src(year))


def district_year_src(district_url: str, year: int, part: int) -> str:
    """A page of a long district index, under the district's own URL.

    `<district>/<year>.md`, and `<district>/<year>/<part>.md` after a year's first page.
    """
    base = f"{district_url}{year}"
    return f"{base}.md" if part == 1 else f"{base}/{part}.md"


CASES_INDEX_SRC = "cases/index.md"
"""The case finder, `/cases/`: every published case, by district, year, format, stage and topic."""


def cases_year_src(year: int) -> str:
    """`cases/2024/index.md`: every published case of a year in one list, `/cases/2024/` (the finder
    without JavaScript); the year's case pages are under it."""
    return f"cases/{year}/index.md"


def case_src(year: int, slug: str) -> str:
    """Where a new case file goes: `cases/<year>/<slug>.md`."""
    return f"cases/{year}/{slug}.md"


# -- files the build writes besides the pages ------------------------------------------------

DATA_FOLDER = "data"
CASES_JSON = f"{DATA_FOLDER}/cases.json"
CASES_CSV = f"{DATA_FOLDER}/cases.csv"
CASES_SCHEMA = f"{DATA_FOLDER}/cases.schema.json"

FEEDS_FOLDER = "feeds"
SITE_FEED = f"{FEEDS_FOLDER}/cases.xml"


def district_feed(key: str) -> str:
    """`feeds/districts/<key>.xml`: the Atom feed of one district's cases."""
    return f"{FEEDS_FOLDER}/districts/{key}.xml"


SEARCH_FOLDER = "pagefind"
"""Pagefind's index and its scripts."""

FINDER_INDEX_FOLDER = f"{SEARCH_FOLDER}/finder"
"""The case finder's own Pagefind bundle (every published case, its filters, one word: `search.finder_index`)."""


def absolute(site_url: str | None, url: str) -> str:
    """A site-relative URL under `site_url` when given (else as it is), percent-encoded."""
    quoted = quote(url)
    if not site_url:
        return quoted
    return (site_url if site_url.endswith("/") else site_url + "/") + quoted
