"""Hostile content for the escaping and sanitising tests: payloads, a tree holding them, and checks.

Everything an editor writes is text: a field's value is shown as the characters it
holds, and a Markdown body keeps only the markup an allow-list permits. These helpers
plant the usual cross-site scripting payloads in every field of every page kind, and
look at what a build made of them: parsed HTML (`html.parser`, which splits tags and
attributes the way a browser does), parsed XML, JSON, CSV and Pagefind's fragments.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from xml.etree import ElementTree

from sites import REPO, Site, case, make_site, page

# --------------------------------------------------------------------------- payloads

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SVG = "<svg onload=alert(1)>"
JS_URL = "javascript:alert(1)"
ATTRIBUTE = "' onmouseover='alert(1)"
PAYLOADS = (SCRIPT, IMG, SVG, JS_URL, ATTRIBUTE)


def hostile(label: str) -> str:
    """A field's value: a Chinese label (to find it again, and to search for it), then every payload."""
    return label + " " + " ".join(PAYLOADS)


# A source address that validation accepts (http(s), no spaces) but that breaks out of an attribute.
HOSTILE_SOURCE_URL = "https://example.org/x?a='onmouseover='alert(1)'&b=\"><svg/onload=alert(1)>"

# Words that begin the hostile values: each one a searchable Chinese word of its own.
SEARCH_WORD = "推进电商直播"

# --------------------------------------------------------------------------- the hostile tree

BRAND = {
    "name": hostile("榕你来商量"),
    "organisation": hostile("福州市政协"),
    "slogan": hostile("为你商量"),
}
DISTRICT = {
    "name": hostile("闽侯县"),
    "brand": "rong",
    "sub_brand": hostile("邑起来商量"),
    "organisation": hostile("闽侯县政协"),
}
CASE = case(
    hostile(SEARCH_WORD),
    "2024-06-18",
    "minhou",
    venue=hostile("甘蔗街道委员联系点"),
    tags=[hostile("电商话题")],
    departments=[hostile("县商务局")],
    reports=[hostile("协商专报")],
    summary=hostile("案例摘要"),
    source={"name": hostile("人民政协报"), "url": HOSTILE_SOURCE_URL, "date": "2024-06-20"},
    highlight=2024,
    status="落实",
    subtitle=hostile("案例副标题"),
    description=hostile("案例描述"),
    author=hostile("案例作者"),
)
OLDER_CASE = case(hostile("两地联合协商停车难"), "2024-03-02", "minhou", tags=[hostile("停车话题")], highlight=2024)
ORDINARY_PAGE = {
    "title": hostile("关于本站"),
    "subtitle": hostile("页面副标题"),
    "description": hostile("页面描述"),
    "author": hostile("页面作者"),
    "status": hostile("页面状态"),
    "hide": [hostile("隐藏")],
    "tags": [hostile("页面话题")],
}
TOPICS_PAGE = {"title": "话题"}

CASE_URL = "cases/2024/dianshang/"
OLDER_CASE_URL = "cases/2024/lianhe/"
BRAND_URL = "brands/rong/"
DISTRICT_URL = "districts/minhou/"
ORDINARY_URL = "about/"
TOPICS_URL = "topics/"
HIGHLIGHTS_URL = "highlights/2024/"


def front_matter_tree() -> dict[str, str | bytes]:
    """A brand, a district, two cases, an ordinary page and the topics page, every field hostile."""
    return {
        "brands/rong.md": page(BRAND, "品牌介绍。"),
        "districts/minhou.md": page(DISTRICT, "区县介绍。"),
        "cases/2024/dianshang.md": page(CASE, "委员与商务部门一起商量直播基地的选址。\n\n## 过程\n\n正文。"),
        "cases/2024/lianhe.md": page(OLDER_CASE, "两个街道联合协商。"),
        "about.md": page(ORDINARY_PAGE, "本站介绍。"),
        "topics.md": page(TOPICS_PAGE, "全部话题。\n\n<!-- material/tags -->"),
    }


# --------------------------------------------------------------------------- Markdown bodies

EXTRA_EXTENSIONS = ("attr_list", "md_in_html", "admonition", "pymdownx.details", "pymdownx.superfences")


def make_hostile_site(root: Path, files: dict[str, str | bytes], *, search: bool = False) -> Site:
    """`make_site` with the Markdown extensions the sample site uses (attribute lists, admonitions …)."""
    site = make_site(root, files, search=search)
    config = site.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    listed = "".join(f"  - {name}\n" for name in EXTRA_EXTENSIONS)
    config.write_text(text.replace("markdown_extensions:\n", "markdown_extensions:\n" + listed, 1), encoding="utf-8")
    return site


# Each line is one thing the sanitizer removes (the whole line or a part of it); blank lines between
# them make every one a Markdown block of its own.
REMOVED_LINES = (
    "<script>alert(1)</script>",
    '<iframe src="https://example.org/"></iframe>',
    '<object data="movie.swf"></object>',
    '<embed src="movie.swf">',
    "<style>body { display: none }</style>",
    '<form action="https://example.org/"><input name="q"></form>',
    '<p>图片加载失败时 <img src="tu.png" alt="事件" onerror="alert(1)"></p>',
    '<p onclick="alert(1)">点击段落</p>',
    '## 点我 { onclick="alert(1)" }',
    "[脚本链接](javascript:alert(1))",
    '<p><a href=" JaVaScRiPt:alert(1)">伪装的脚本链接</a></p>',
    '<p><a href="vbscript:msgbox(1)">旧式脚本链接</a></p>',
    "![数据图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![外站图片](https://example.org/track.png)",
)

CODE_LINE = '<script>alert("代码")</script>'  # inside a fenced code block: text, kept as it is

SANITIZED_CASE_BODY = (
    "委员们在社区商量加装路灯。\n"
    "\n"
    "## 过程\n"
    "\n"
    "| 项目 | 数量 |\n"
    "| --- | --- |\n"
    "| 路灯 | 12 |\n"
    "\n"
    "![示意图](tu.png)\n"
    "\n"
    "<details><summary>展开详情</summary>详情内容</details>\n"
    "\n"
    '!!! note "注意"\n'
    "\n"
    "    提示内容。\n"
    "\n"
    "[人民政协网](http://www.rmzxw.com.cn/)、[来信](mailto:editor@example.org)、"
    "[另一个案例](other.md)、[回到过程](#过程)\n"
    "\n"
    "```html\n"
    f"{CODE_LINE}\n"
    "```\n"
    "\n" + "\n\n".join(REMOVED_LINES) + "\n\n结尾段落。\n"
)

SANITIZED_PAGE_LINES = ("<script>alert(1)</script>", '<p onmouseover="alert(1)">移过来</p>')
SANITIZED_PAGE_BODY = "页面正文。\n\n" + "\n\n".join(SANITIZED_PAGE_LINES) + "\n\n页面结尾。\n"


def sanitizer_tree() -> dict[str, str | bytes]:
    """A case and an ordinary page whose bodies hold allowed and removed markup."""
    return {
        "brands/rong.md": page({"name": "榕你来商量", "organisation": "福州市政协"}),
        "districts/minhou.md": page({"name": "闽侯县", "brand": "rong"}),
        "cases/2024/ludeng.md": page(case("加装路灯", "2024-06-18", "minhou"), "") + "\n" + SANITIZED_CASE_BODY,
        "cases/2024/other.md": page(case("另一个案例", "2024-05-01", "minhou"), "另一个案例的正文。"),
        "cases/2024/tu.png": b"\x89PNG\r\n\x1a\n",
        "notes.md": page({"title": "说明"}, "") + "\n" + SANITIZED_PAGE_BODY,
    }


def line_of(text: str, line: str) -> int:
    """The 1-based number of the one line of `text` (a whole file, front matter included) that is `line`."""
    numbers = [number for number, written in enumerate(text.splitlines(), start=1) if written == line]
    assert len(numbers) == 1, f"{line!r} must be one line of the file (found on lines {numbers})"
    return numbers[0]


# --------------------------------------------------------------------------- reading HTML


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    line: int
    text: str = ""  # its own text (for <script>, <style>, <title> …: all of it)
    classes: frozenset[str] = field(default_factory=frozenset)


class _Collector(HTMLParser):
    """Every element of a document, in order, with its attributes (entities decoded) and text."""

    VOID: ClassVar[frozenset[str]] = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        element = Element(tag, values, self.getpos()[0], classes=frozenset(values.get("class", "").split()))
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.open and self.open[-1].tag == tag:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        for position in range(len(self.open) - 1, -1, -1):
            if self.open[position].tag == tag:
                del self.open[position:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data
        if not any(element.tag in {"script", "style"} for element in self.open):
            self.texts.append(data)


@dataclass
class Document:
    elements: list[Element]
    text: str
    """The text a reader sees (scripts and styles left out), whitespace collapsed."""

    def find(self, tag: str, **attrs: str) -> list[Element]:
        return [
            element for element in self.elements
            if element.tag == tag and all(element.attrs.get(name) == value for name, value in attrs.items())
        ]  # fmt: skip


def parse_html(html: str) -> Document:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return Document(collector.elements, re.sub(r"\s+", " ", "".join(collector.texts)))


def article(html: str) -> str:
    """The page's `<article>` (what the page says, without Material's header, navigation and footer)."""
    start = html.index("<article")
    return html[start : html.index("</article>", start) + len("</article>")]


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href", "background")


def active_markup(html: str) -> list[str]:
    """Markup in `html` that came from the payloads and would run: one line for each, empty if none."""
    found = []
    for element in parse_html(html).elements:
        where = f"line {element.line}: <{element.tag}>"
        if element.tag == "script" and "alert(" in element.text:
            found.append(f"{where} runs {element.text.strip()[:80]!r}")
        for name, value in element.attrs.items():
            if name.startswith("on") and "alert(" in value:
                found.append(f"{where} has {name}={value!r}")
            if name in URL_ATTRIBUTES and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"):
                found.append(f"{where} has {name}={value!r}")
        if element.tag == "img" and element.attrs.get("src") == "x":
            found.append(f"{where} is the payload's <img src=x>")
        if element.tag == "svg" and "onload" in element.attrs:
            found.append(f"{where} is the payload's <svg onload>")
    return found


def built_html(site: Site) -> dict[str, str]:
    """Every built HTML file, by its path in the site."""
    return {
        path.relative_to(site.site_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.site_dir.rglob("*.html"))
    }


def page_text(site: Site, url: str) -> str:
    return parse_html(site.html(url)).text


def warning_lines(stderr: str) -> list[str]:
    return re.findall(r"^WARNING\s+-\s+shangliang: (.+)$", stderr, re.MULTILINE)


def error_lines(stderr: str) -> list[str]:
    return re.findall(r"^ERROR\s+-\s+shangliang: (.+)$", stderr, re.MULTILINE)


# --------------------------------------------------------------------------- feeds, search, check.py

ATOM = "{http://www.w3.org/2005/Atom}"


def feeds(site: Site) -> dict[str, ElementTree.Element]:
    """Every Atom feed under /feeds/, parsed, by its path."""
    return {
        path.relative_to(site.site_dir).as_posix(): ElementTree.parse(path).getroot()
        for path in sorted((site.site_dir / "feeds").rglob("*.xml"))
        if path.name != "sitemap.xml"
    }


PAGEFIND_SIGNATURE = b"pagefind_dcd"


def pagefind_fragments(site: Site) -> dict[str, dict]:
    """Pagefind's fragments (one per indexed page: its url, content and meta), by file name."""
    fragments = {}
    for path in sorted((site.site_dir / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(PAGEFIND_SIGNATURE), f"{path.name}: not a Pagefind file"
        fragments[path.name] = json.loads(data[len(PAGEFIND_SIGNATURE) :])
    return fragments


CHECK = REPO / "scripts" / "check.py"


def check_json(site: Site, *args: str) -> tuple[int, list[dict]]:
    """`scripts/check.py --format json -f <site>/mkdocs.yml`: its exit status and its problems."""
    result = subprocess.run(
        [sys.executable, str(CHECK), "--format", "json", "-f", str(site.root / "mkdocs.yml"), *args],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)["problems"]
