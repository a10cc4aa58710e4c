"""Content that makes every kind of problem the package reports: mistaken, hostile and slipped files.

`every_problem(tmp_path)` loads them (in memory, except what needs a disk: symbolic links and
roundup files) and returns every problem met, so a test can word each one in both languages.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from contract_tree import BRANDS, DISTRICTS, case, markdown, tree

from shangliang.content.catalogue import load_catalogue
from shangliang.content.fields import parse_date
from shangliang.content.limits import MAX_FILE_BYTES, MAX_INLINE_MARKS, MAX_NESTING, MAX_YAML_DEPTH
from shangliang.content.links import links_leaving
from shangliang.content.markup import removed_markup_problem
from shangliang.model import Problem
from shangliang.pages.grouping import Index
from shangliang.roundup.files import stale_roundups

HOSTILE_TEXT = "<img src=x onerror=alert(1)>\x1b[31m{0}{{config}}%s\u202e"
"""Markup, an escape sequence, format fields and a bidirectional override: a found value must stay text."""


def _alias_bomb() -> str:
    names = [f"l{level}" for level in range(9)]
    lines = [f"{names[0]}: &{names[0]} [" + ", ".join(['"哈"'] * 9) + "]"]
    lines += [f"{name}: &{name} [" + ", ".join([f"*{below}"] * 9) + "]" for below, name in itertools.pairwise(names)]
    return "title: 炸弹\n" + "\n".join(lines) + "\n"


FILES: dict[str, bytes | str | dict | tuple] = {
    # -- reading --------------------------------------------------------------------------------
    "cases/2024/gbk.md": "---\ntitle: 标题\n---\n".encode("gbk"),
    "cases/2024/huge.md": b"---\ntitle: x\n---\n" + b"a" * MAX_FILE_BYTES,
    "cases/2024/open.md": b"---\ntitle: x\ndate: 2024-06-18\n\nbody\n",
    "cases/2024/twice.md": "title: 甲\ntitle: 乙\n",
    "cases/2024/deep.md": "title: x\ntags: " + "[" * (MAX_YAML_DEPTH + 5) + "\n",
    "cases/2024/bomb.md": _alias_bomb(),
    "cases/2024/invalid.md": "title: 标题\nformat: 微协商: 座谈\n",
    "cases/2024/unreadable.md": "title: !!int 十二\n",
    "cases/2024/list.md": "- 标题\n- 2024-06-18\n",
    "cases/2024/numbered.md": "title: 标题\n1: 一\n",
    "cases/2024/nested.md": (case(), "\n".join("    " * level + "- 层" for level in range(MAX_NESTING + 3))),
    "cases/2024/crowded.md": (case(), "[链接](x) " * (MAX_INLINE_MARKS + 1)),
    "cases/2024/escape.md": (case(title="路灯\x1b[31m亮了"), "正文\x07。"),
    "cases/2024/bidi.md": case(title="路灯\u202e亮了", summary="第一行\n第二\u202e行"),
    "cases/2024/invisible.md": case(title="\u200b", venue="\u200b"),
    "cases/2024/script.md": (case(), "<script>alert(1)</script>\n\n## 经过\n\n## 结果\n\n写了。\n"),
    # -- the tree --------------------------------------------------------------------------------
    "cases/2024/Jidi.md": case(),
    "cases/2024/jidi.md": case(),
    "stories/story.md": "kind: story\ntitle: x\n",
    "cases/2024/bare.md": (None, "# 标题\n\n正文\n"),
    "brands/Rong-Ni.md": {"name": "榕", "organisation": "福州市政协"},
    "about/minhou.md": "kind: district\nname: 闽侯县（旧页）\nbrand: yu\n",
    "roundups/latest.md": "title: 综述\n",
    "cases/loose.md": case(date="2023-05-01"),
    "cases/2023/late.md": case(date="2024-01-05"),
    # -- values of fields ------------------------------------------------------------------------
    "cases/2024/values.md": case(
        memebrs=8, template="x.html", hide=["menu"], title=["甲"], members="八", participants=-1,
        problems_solved=10**9, tags="乡村振兴", departments=["局", ["嵌套"]], draft="是", format="微型协商",
        district="Minhou", date="2024-6-1", source={"name": "报", "url": "ftp://x", "date": "1800-01-01"},
        highlight="去年", stages=["协商"],
    ),
    "cases/2024/missing.md": {"cover": "nowhere.jpg"},
    "cases/2024/stages.md": case(
        stages={"完成": "2024-05", "选题": "2024-07", "协商": "2024-06-18", "落实": None}, status="选题",
        highlight=2023, venue="ganzhee", brand="ji", cover="images/nowhere.jpg",
    ),
    "cases/2024/far.md": case(date="2099-01-01", source=["人民政协报"]),
    "cases/2024/unknown.md": case(district="nowhere"),
    "cases/2024/not-a-date.md": case(date="六月上旬"),
    "brands/ji.md": {
        "name": "集思广益", "organisation": "厦门市政协", "launched": "今年", "sub_brands": "想方设法",
        "figures": {"去年": {"activities": 1}, 2023: "百余场", 2024: {"activites": 1, "bulletins": True},
                    2025: {"source": {"name": "x"}}},
        "commendations": {2024: {"case": 1, "cases": -1, "others": "优秀委员"}, 2023: "十个"},
    },
    "brands/yu.md": {**BRANDS["brands/yu.md"], "sub_brands": [{"organisation": "提案委员会"}], "figures": "百余场"},
    "districts/bad.md": {"name": "坏区", "brand": "nope", "figures": {2024: {"venues": -3}}},
    "venues/ganzhe.md": {"name": "联系点", "type": "联系点", "district": "nowhere"},
    # -- keyboard slips --------------------------------------------------------------------------
    "cases/2024/colon.md": "title：社区停车\ndate: 2024-06-01\n",
    "cases/2024/comma.md": "title: 标题\ndate: 2024-06-01\ndistrict: minhou\nformat: 微协商\ntags: [交通，停车]\n",
    "cases/2024/brackets.md": case(tags="【交通，停车】"),
    "cases/2024/space.md": "title: 标题\nsource:\n\u3000\u3000name: 人民政协报\n",
    "cases/2024/quotes.md": "title: “停车: 难题”\n",
    "cases/2024/tab.md": "title: 标题\nsource:\n\tname: 人民政协报\n",
    "cases/2024/dashes.md": b"---\ntitle: x\n\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\nbody\n",
}  # fmt: skip


def _raw(value: bytes | str | dict | tuple) -> bytes:
    if isinstance(value, tuple):
        return markdown(*value)
    return markdown(value)


def every_problem(tmp_path: Path) -> list[Problem]:
    """Every problem of the corpus, and of what needs a disk (links, roundups) or a rendered page."""
    files = {**DISTRICTS, **FILES}
    result = load_catalogue([(uri, _raw(value)) for uri, value in files.items()], other_uris=("cases/2024/x.jpg",))
    problems = list(result.problems)
    problems += tree({"cases/2024/x.md": case(venue="ganzhe")}, base=False).problems  # no brands, districts, venues
    problems.append(removed_markup_problem("cases/2024/x.md", ["<script>", "onerror="]))
    problems += _links(tmp_path)
    problems += _roundups(tmp_path)
    parse_date("2024-06", lambda code, params: problems.append(Problem("", "date", code=code, params=params)),
               partial=False)  # fmt: skip
    return problems


def _links(tmp_path: Path) -> list[Problem]:
    docs = tmp_path / "links"
    (docs / "cases").mkdir(parents=True)
    (tmp_path / "secret.md").write_text("x", encoding="utf-8")
    (docs / "outside.md").symlink_to(tmp_path / "secret.md")
    (docs / "nothing.md").symlink_to(tmp_path / "gone.md")
    (docs / "cases" / "loop").symlink_to(docs / "cases")
    return list(links_leaving(docs, ["outside.md", "nothing.md", "cases/loop/x.md"]).problems)


def _roundups(tmp_path: Path) -> list[Problem]:
    problems = []
    for name, text in (("stale", "---\ntitle: 2024年度综述\n---\n旧的。\n".encode()), ("broken", b"\xff\xfe")):
        docs = tmp_path / name
        (docs / "roundups").mkdir(parents=True)
        (docs / "roundups" / "2024.md").write_bytes(text)
        files = {**BRANDS, **DISTRICTS, "cases/2024/x.md": case(), "roundups/2024.md": "title: 2024年度综述\n"}
        loaded = load_catalogue([(uri, _raw(value)) for uri, value in files.items()])
        problems += stale_roundups(docs, Index(loaded.catalogue))
    return problems
