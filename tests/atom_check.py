"""The rules of RFC 4287 (Atom) a feed of ours must keep, checked on the parsed XML.

No Atom validator is installed (the W3C one is a web service; the RELAX NG grammar of
the RFC is in the compact syntax, which lxml does not read), so the musts the RFC
states for the elements our feeds use are written out here, section by section.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

ATOM_NS = "http://www.w3.org/2005/Atom"
A = f"{{{ATOM_NS}}}"

# RFC 4287 §3.3: a date construct is an RFC 3339 date-time, with an upper-case T and Z.
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
TEXT_TYPES = {"text", "html", "xhtml"}


def atom_problems(xml: bytes) -> list[str]:
    """Every way the feed breaks RFC 4287 (an empty list: a valid Atom feed)."""
    problems: list[str] = []
    root = ET.fromstring(xml)
    if root.tag != f"{A}feed":
        return [f"root element is {root.tag}, not atom:feed"]
    feed_has_author = _element_problems(root, "feed", problems)
    entry_ids = []
    for position, entry in enumerate(root.findall(f"{A}entry")):
        where = f"entry {position + 1}"
        has_author = _element_problems(entry, where, problems)
        if not (has_author or feed_has_author):  # §4.1.2: an entry without author inherits the feed's
            problems.append(f"{where}: no atom:author, and the feed has none")
        contents = entry.findall(f"{A}content")
        if len(contents) > 1:
            problems.append(f"{where}: more than one atom:content")
        if len(entry.findall(f"{A}summary")) > 1:
            problems.append(f"{where}: more than one atom:summary")
        if len(entry.findall(f"{A}published")) > 1:
            problems.append(f"{where}: more than one atom:published")
        if not contents and not any(_rel(link) == "alternate" for link in entry.findall(f"{A}link")):
            problems.append(f"{where}: neither atom:content nor a link rel=alternate (§4.1.2)")
        published, updated = entry.findtext(f"{A}published"), entry.findtext(f"{A}updated")
        first, last = _moment(published or ""), _moment(updated or "")
        if first and last and first > last:
            problems.append(f"{where}: published {published} is after updated {updated}")
        entry_ids.append(entry.findtext(f"{A}id"))
    if len(set(entry_ids)) != len(entry_ids):
        problems.append("two entries share an atom:id")
    return problems


def _element_problems(element: ET.Element, where: str, problems: list[str]) -> bool:
    """The rules common to atom:feed and atom:entry; returns whether it has an author."""
    for name in ("id", "title", "updated"):  # §4.1.1, §4.1.2: exactly one of each
        found = element.findall(f"{A}{name}")
        if len(found) != 1:
            problems.append(f"{where}: {len(found)} atom:{name} elements (expected exactly one)")
    identifier = element.findtext(f"{A}id") or ""
    if not (urlsplit(identifier).scheme and urlsplit(identifier).netloc):  # §4.2.6: an absolute IRI
        problems.append(f"{where}: atom:id {identifier!r} is not an absolute IRI")
    for name in ("updated", "published"):
        for date in element.findall(f"{A}{name}"):
            if _moment(date.text or "") is None:
                problems.append(f"{where}: atom:{name} {date.text!r} is not an RFC 3339 date-time")
    for name in ("title", "summary", "rights", "subtitle"):  # §3.1: text constructs
        for construct in element.findall(f"{A}{name}"):
            if construct.get("type", "text") not in TEXT_TYPES:
                problems.append(f"{where}: atom:{name} type {construct.get('type')!r}")
    alternates: set[tuple[str | None, str | None]] = set()
    for link in element.findall(f"{A}link"):  # §4.2.7
        if not link.get("href"):
            problems.append(f"{where}: atom:link without href")
        if _rel(link) == "alternate":
            kind = (link.get("type"), link.get("hreflang"))
            if kind in alternates:
                problems.append(f"{where}: two alternate links of type {kind[0]} and language {kind[1]}")
            alternates.add(kind)
    authors = element.findall(f"{A}author")
    for author in authors:  # §3.2: a person construct has exactly one name
        if len(author.findall(f"{A}name")) != 1 or not (author.findtext(f"{A}name") or "").strip():
            problems.append(f"{where}: an atom:author without exactly one non-empty atom:name")
    for category in element.findall(f"{A}category"):  # §4.2.2
        if not category.get("term"):
            problems.append(f"{where}: atom:category without term")
    return bool(authors)


def _rel(link: ET.Element) -> str:
    return link.get("rel", "alternate")  # §4.2.7.2: no rel means alternate


def _moment(text: str) -> dt.datetime | None:
    if not RFC3339.match(text):
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
