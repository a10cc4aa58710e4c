"""The hostile files: each class of hostile file, how it is written, and the small valid site it joins."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import synthetic_tree

CASES = 6
"""Cases of the small valid site (one brand, its districts)."""
HOSTILE = "cases/2024/hostile.md"
COVER = "cases/2024/cover.jpg"
HOSTILE_FILES = (HOSTILE, COVER)
QUICK_CLASSES = ("baseline", "list-one-line", "yaml-alias-bomb")
SMOKE_CLASSES = ("baseline", "yaml-alias-bomb")
"""The tests' smoke run: the valid site alone, and with the one hostile file every YAML reader must survive."""

# The mark still names bench/hostile.py, the module this package was: every hostile file keeps its bytes.
MARK = "# synthetic: hostile file written by bench/hostile.py; not real content"

Body = str | Callable[[], Iterator[str]]
"""A body: its text, or (for the large ones) a function giving it in pieces, so that this process stays small."""


def _write_case(
    content: Path, district: str, *, extra: str = "", title: str = '"合成的恶意案例"', body: Body = "委员们商量。"
) -> None:
    """`HOSTILE`: a case valid but for what `extra`, `title` or `body` hold; marked synthetic."""
    extra = extra if not extra or extra.endswith("\n") else extra + "\n"
    path = content / HOSTILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        front = f"{MARK}\ntitle: {title}\ndate: 2024-06-18\ndistrict: {district}\nformat: 微协商\n{extra}"
        handle.write(f"---\n{front}---\n\n")
        for piece in [body] if isinstance(body, str) else body():
            handle.write(piece)
        handle.write("\n")


def _nested_list(levels: int, step: int) -> Callable[[], Iterator[str]]:
    """A list `levels` deep, each level indented `step` more spaces (25 MB at 5,000 levels of 2)."""
    return lambda: (" " * (step * level) + f"- 第{level + 1}层\n" for level in range(levels))


def _repeated(unit: str, size: int) -> Callable[[], Iterator[str]]:
    """`unit` repeated until the text is at least `size` bytes of UTF-8, given 1,000 units at a time."""
    count = size // len(unit.encode()) + 1
    return lambda: (unit * min(1000, count - done) for done in range(0, count, 1000))


def _alias_bomb(levels: int = 9, width: int = 9) -> str:
    """The "billion laughs": each level a list of `width` aliases of the level below (9**9 values)."""
    lines = ["l0: &l0 [" + ", ".join(['"哈"'] * width) + "]"]
    lines += [f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]" for level in range(1, levels)]
    return "\n".join(lines)


PARAGRAPH = "委员们围绕路灯建设提出意见，部门当场回应并明确了完成时限。" * 10 + "\n\n"
SENTENCE = "委员们围绕路灯建设提出意见。"

Writer = Callable[[Path, str], None]
"""Writes the hostile file(s) into a site's content folder, given a district key of the site."""


def _case_file(**parts: Any) -> Writer:
    return lambda content, district: _write_case(content, district, **parts)


def _cover_symlink(content: Path, district: str) -> None:
    _write_case(content, district, extra="cover: cover.jpg")
    os.symlink("/etc/passwd", content / COVER)


def _nothing(_content: Path, _district: str) -> None:
    return None


@dataclass(frozen=True)
class Hostile:
    key: str
    label: str
    write: Writer


CLASSES: tuple[Hostile, ...] = (
    Hostile("baseline", "baseline (no hostile file)", _nothing),
    Hostile("list-indented", "list 5,000 levels deep, indented 2 spaces a level",
            _case_file(body=_nested_list(5000, 2))),
    Hostile("list-one-line", "list 5,000 levels deep on one line (`- - - …`)",
            _case_file(body="- " * 5000 + "最深一层")),
    Hostile("blockquote", "block quote 5,000 levels deep (`> > > …`)", _case_file(body="> " * 5000 + "最深一层")),
    Hostile("body-2mib", "body of 2 MiB", _case_file(body=_repeated(PARAGRAPH, 2 * 1024 * 1024))),
    Hostile("yaml-brackets", "YAML nested 100,000 brackets deep",
            _case_file(extra="tags: " + "[" * 100_000 + "电商" + "]" * 100_000)),
    Hostile("yaml-alias-bomb", "YAML alias bomb (billion laughs, 9⁹ values)", _case_file(extra=_alias_bomb())),
    Hostile("yaml-duplicate-keys", "YAML duplicate keys (title, district twice)",
            _case_file(extra='title: "又一个标题"\ndistrict: other')),
    Hostile("controls-field", "NUL, ESC and BEL in a field (title)", _case_file(title='"路灯\\0夜里\\e[31m亮了\\a"')),
    Hostile("controls-body", "NUL, ESC and BEL in the body",
            _case_file(body="第一段。\n\n第二段\x00有\x1b[31m控制\x07字符。\n\n第三段。")),
    Hostile("members-1e23", "members: 1e23 (100000000000000000000000)",
            _case_file(extra="members: 100000000000000000000000")),
    Hostile("html-div", "HTML `<div>` nested 5,000 deep in the body",
            _case_file(body="<div>" * 5000 + "最深一层" + "</div>" * 5000)),
    Hostile("links-one-line", "100,000 links on one line (`[链](#a) `, under 1 MiB)",
            _case_file(body=_repeated("[链](#a) ", 100_000 * len("[链](#a) ".encode()) - 1))),
    Hostile("links-one-paragraph", "40,000 links one a line, in one paragraph (extra: the cost is per paragraph)",
            _case_file(body=_repeated("[链](#a)\n", 40_000 * len("[链](#a)\n".encode()) - 1))),
    Hostile("one-line-900kb", "body of one 900 KB line", _case_file(body=_repeated(SENTENCE, 900 * 1000))),
    Hostile("cover-symlink", "cover image a symlink to /etc/passwd", _cover_symlink),
)  # fmt: skip
BY_KEY = {hostile.key: hostile for hostile in CLASSES}


def write_site(folder: Path, hostile: Hostile, seed: int) -> dict[str, Any]:
    """A small valid synthetic site in `folder`, plus the class's hostile file; what was written."""
    manifest = synthetic_tree.generate(folder, CASES, seed)
    district = next(iter(manifest["brands"].values()))[0]
    hostile.write(folder / "content", district)
    path = folder / "content" / HOSTILE
    written: dict[str, Any] = {"cases": len(manifest["cases"]), "district": district}
    if path.exists():
        written.update(file=HOSTILE, bytes=path.stat().st_size)
    link = folder / "content" / COVER
    if link.is_symlink():
        written.update(link=COVER, target=os.readlink(link))
    return written
