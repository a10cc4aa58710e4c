"""Small real MkDocs sites for tests: a content tree written into a temporary folder."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent

BRAND_RONG = {"name": "榕你来商量", "organisation": "福州市政协", "slogan": "为你商量、请你商量、近你商量"}
DISTRICT_MINHOU = {"name": "闽侯县", "brand": "rong", "sub_brand": "邑起来商量"}
DISTRICT_GULOU = {"name": "鼓楼区", "brand": "rong", "sub_brand": "家在鼓楼，协商为民"}


def page(meta: dict | None, body: str = "") -> str:
    """A Markdown file: YAML front matter (if any) and a body."""
    if meta is None:
        return body
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{textwrap.dedent(body).strip()}\n"


def case(title: str, date: str, district: str | list[str], **fields: object) -> dict:
    meta: dict = {"title": title, "date": date, "district": district, "format": "微协商"}
    meta.update(fields)
    return meta


@dataclass
class Site:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def write(self, src_uri: str, text: str | bytes) -> Path:
        path = self.content / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def build(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`mkdocs build` on the command line, as an editor runs it."""
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", *args],
            cwd=self.root, capture_output=True, text=True, timeout=300,
        )

    def html(self, url: str) -> str:
        """The built page at a site URL such as `districts/minhou/`."""
        return (self.site_dir / url / "index.html").read_text(encoding="utf-8")

    def all_text(self) -> str:
        """Every text file of the built site, concatenated (HTML, XML, JSON)."""
        parts = []
        for path in sorted(self.site_dir.rglob("*")):
            if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt"}:
                parts.append(path.read_text(encoding="utf-8", errors="replace"))
        return "\n".join(parts)


def make_site(root: Path, files: dict[str, str | bytes], *, search: bool = False) -> Site:
    """A site using the repository's theme overrides and our plugin; search off unless asked."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(
        textwrap.dedent(
            f"""\
            site_name: 测试站
            site_url: http://127.0.0.1/
            docs_dir: content
            theme:
              name: material
              language: zh
              custom_dir: {REPO / 'overrides'}
              font: false
            plugins:
              - shangliang:
                  search: {'true' if search else 'false'}
              - tags
            markdown_extensions:
              - toc:
                  slugify: !!python/object/apply:pymdownx.slugs.slugify
                    kwds:
                      case: lower
            """
        ),
        encoding="utf-8",
    )
    site = Site(root)
    for src_uri, text in files.items():
        site.write(src_uri, text)
    return site


def with_minhou(files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    """`files` on top of the smallest valid tree: brand rong and its district minhou."""
    return {"brands/rong.md": page(BRAND_RONG), "districts/minhou.md": page(DISTRICT_MINHOU), **files}


def fuzhou_tree() -> dict[str, str]:
    """One brand, two districts, cases of several years, a joint case, a highlight, a draft."""
    return {
        "brands/rong.md": page(BRAND_RONG, "榕你来商量是福州市政协的协商品牌。"),
        "districts/minhou.md": page(DISTRICT_MINHOU, "闽侯县政协的子品牌。"),
        "districts/gulou.md": page(DISTRICT_GULOU, "鼓楼区政协的子品牌。"),
        "cases/2024/dianshang.md": page(
            case("推进县域电商直播基地建设", "2024-06-18", "minhou", members=8, participants=35,
                 problems_solved=3, reports=["协商专报2024年第5期"], highlight=2024, status="落实",
                 tags=["电商"]),
            "委员与商务部门一起商量直播基地的选址。\n\n## 过程\n\n正文。",
        ),
        "cases/2024/yiyuan.md": page(
            case("加强平安医院建设", "2024-03-02", "gulou", members=5, participants=20,
                 reports=["协商专报2024年第5期", "协商专报2024年第7期"]),
            "医院安保的协商。",
        ),
        "cases/2023/lianhe.md": page(
            case("两地联合协商停车难", "2023-09-01", ["minhou", "gulou"], members=4, participants=12,
                 problems_solved=2, highlight=2024),
            "两个区县联合协商。",
        ),
        "cases/2023/zaoqi.md": page(case("早期案例", "2023-01-05", "minhou", members=1), "早期。"),
        "cases/2024/caogao.md": page(
            case("尚未发布的草稿案例", "2024-07-01", "minhou", draft=True, members=100), "草稿正文独有词汇。"
        ),
    }
