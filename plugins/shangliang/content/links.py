"""Symbolic links in the content folder: nothing outside it is ever read or published.

A link (to a file or a folder) that resolves outside the content folder, or to a folder
that contains it (a loop), is an error naming the link once; every file reached through
it is left out of the build, so no byte from elsewhere on the machine reaches the site.
Links that stay inside the content folder are fine.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from shangliang.messages import phrase
from shangliang.model import Problem


@dataclass(frozen=True)
class OutsideLinks:
    excluded: frozenset[str]
    """`src_uri` of every file reached through a link that leaves the folder."""
    problems: tuple[Problem, ...]
    """One error per offending link."""


def links_leaving(docs_dir: Path, src_uris: Iterable[str]) -> OutsideLinks:
    """Which of the folder's files (`src_uri`s) are reached through a link leaving `docs_dir`."""
    root = Path(os.path.realpath(docs_dir))
    verdicts: dict[str, str | None] = {}
    """For each link (its `src_uri`), why it is refused (a phrase's code), or None when it is fine."""
    excluded: set[str] = set()
    for src_uri in src_uris:
        parts = src_uri.split("/")
        for depth in range(1, len(parts) + 1):
            link = "/".join(parts[:depth])
            if link not in verdicts:
                verdicts[link] = _verdict(root, docs_dir / link) if (docs_dir / link).is_symlink() else None
            if verdicts[link] is not None:
                excluded.add(src_uri)
                break
    problems = tuple(
        Problem(link, "", code="symlink-outside", params={"why": phrase(why)})
        for link, why in sorted(verdicts.items()) if why is not None
    )  # fmt: skip
    return OutsideLinks(frozenset(excluded), problems)


def _verdict(root: Path, link: Path) -> str | None:
    try:
        target = Path(os.path.realpath(link, strict=True))
    except (OSError, RuntimeError):
        return "link-to-nothing"
    if target != root and root not in target.parents:
        return "link-outside"
    if target.is_dir() and (link.parent.resolve() == target or target in link.parent.resolve().parents):
        return "link-loop"
    return None
