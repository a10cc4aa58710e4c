"""Hostile files in the content tree: symbolic links and the letter case of folder names.

A. A symbolic link under `content/` (a Markdown file, an image, a whole folder) that
   resolves outside `content/` is an error (`symlink-outside`) naming the link's path
   relative to `content/`; a linked folder is named once, not file by file. Nothing from
   outside is ever read into the site: a marker planted in the outside files appears in
   no built file (pages, data/cases.json, feeds, the Pagefind index), in no problem line,
   and a linked case is never counted. A link from one place inside `content/` to
   another is fine.

   A build with an error writes no site, so the marker checks here guard the build as a
   whole; `test_serve_hostile.py` checks the same links in a preview, which keeps
   building despite errors.

B. Folder names in another letter case (`Cases/`, `BRANDS/`, `Districts/`) are what their
   lowercase names are — or an error naming the file; never a silent ordinary page.

Every run goes through `test_hostile_limits.examine` and `expect` (same checks: the
problem in check.py's JSON and in the build's lines, exit codes, no traceback, no raw
control characters, no case dropped silently).
"""

from __future__ import annotations

import gzip
import json
import os
import uuid
from pathlib import Path

import pytest
from sites import BRAND_RONG, DISTRICT_MINHOU, Site, case, make_site, page
from test_hostile_limits import Outcome, assert_never_dropped, examine, expect

GOOD = "cases/2024/good.md"

# A JPEG's first bytes, enough for MkDocs to copy it as an image.
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"


def base_files() -> dict[str, str | bytes]:
    return {
        "brands/rong.md": page(BRAND_RONG, "榕你来商量。"),
        "districts/minhou.md": page(DISTRICT_MINHOU, "闽侯县。"),
        GOOD: page(case("好案例照常发布", "2024-01-02", "minhou", tags=["电商"]), "正文。"),
    }


@pytest.fixture
def marker() -> str:
    """A string found nowhere but in the files outside `content/` (lowercase: Pagefind lowercases words)."""
    return f"leakmarker{uuid.uuid4().hex[:16]}"


@pytest.fixture
def outside(tmp_path: Path, marker: str) -> Path:
    """A folder next to the site, outside `content/`, full of files carrying the marker."""
    folder = tmp_path / "outside"
    (folder / "more").mkdir(parents=True)
    (folder / "secret.md").write_text(
        page(case(f"外部案例{marker}", "2024-05-01", "minhou", summary=marker), f"外部正文 {marker}。"),
        encoding="utf-8",
    )
    (folder / "secret.jpg").write_bytes(JPEG + marker.encode())
    for name in ("a", "b", "c"):
        (folder / "more" / f"{name}.md").write_text(
            page(case(f"外部{name}{marker}", "2025-03-01", "minhou"), f"外部正文 {marker}。"), encoding="utf-8"
        )
    (folder / "more" / "photo.jpg").write_bytes(JPEG + marker.encode())
    (folder / "more" / "notes.txt").write_text(marker, encoding="utf-8")
    return folder


def site_with(tmp_path: Path, extra: dict[str, str | bytes] | None = None) -> Site:
    return make_site(tmp_path / "site", {**base_files(), **(extra or {})}, search=True)


def link(site: Site, src_uri: str, target: Path | str) -> Path:
    path = site.content / src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, path)
    return path


def assert_nothing_from_outside(outcome: Outcome, marker: str) -> None:
    """The marker is in no built file (gzip-compressed Pagefind files read too) and in no message."""
    assert marker not in outcome.build.stderr, "the build echoed a file from outside content/"
    assert marker not in outcome.check.stdout, "check.py echoed a file from outside content/"
    site_dir = outcome.site.site_dir
    if not site_dir.exists():
        return
    needle = marker.encode()
    for path in site_dir.rglob("*"):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        assert needle not in raw, f"{path.relative_to(site_dir)} holds text from outside content/"
        if raw[:2] == b"\x1f\x8b":  # Pagefind's index and fragments, sitemap.xml.gz
            assert needle not in gzip.decompress(raw), f"{path.relative_to(site_dir)} holds text from outside"


# -- A. links out of content/ -------------------------------------------------------------------


@pytest.mark.parametrize("relative", [False, True], ids=["absolute-link", "relative-link"])
def test_a_case_file_linked_from_outside_content_is_an_error_naming_the_link(
    tmp_path: Path, outside: Path, marker: str, relative: bool
) -> None:
    site = site_with(tmp_path)
    target = os.path.relpath(outside / "secret.md", site.content / "cases/2024") if relative else outside / "secret.md"
    link(site, "cases/2024/leak.md", target)
    outcome = examine(site)
    expect(outcome, "symlink-outside", "error", src_uri="cases/2024/leak.md", names_where=False)
    assert "cases/2024/leak.md" not in outcome.published, "a linked case from outside is never published"
    assert outcome.report["counts"]["cases"] == 1, "a linked case from outside is never counted"
    assert_nothing_from_outside(outcome, marker)


def test_a_cover_image_linked_from_outside_content_is_an_error_naming_the_link(
    tmp_path: Path, outside: Path, marker: str
) -> None:
    site = site_with(tmp_path, {
        "cases/2024/withcover.md": page(case("有封面的案例", "2024-03-01", "minhou", cover="photo.jpg"), "正文。"),
    })  # fmt: skip
    link(site, "cases/2024/photo.jpg", outside / "secret.jpg")
    outcome = examine(site)
    expect(outcome, "symlink-outside", "error", src_uri="cases/2024/photo.jpg", names_where=False)
    assert_nothing_from_outside(outcome, marker)


def test_any_file_linked_from_outside_content_is_an_error_even_if_nothing_uses_it(
    tmp_path: Path, outside: Path, marker: str
) -> None:
    site = site_with(tmp_path)
    link(site, "assets/logo.jpg", outside / "secret.jpg")
    link(site, "about.md", outside / "secret.md")
    outcome = examine(site)
    expect(outcome, "symlink-outside", "error", src_uri="assets/logo.jpg", names_where=False)
    expect(outcome, "symlink-outside", "error", src_uri="about.md", names_where=False)
    assert_nothing_from_outside(outcome, marker)


@pytest.mark.parametrize("folder", ["cases/2025", "gallery"], ids=["cases-year-folder", "top-level-folder"])
def test_a_folder_linked_from_outside_content_is_named_once(
    tmp_path: Path, outside: Path, marker: str, folder: str
) -> None:
    site = site_with(tmp_path)
    link(site, folder, outside / "more")
    outcome = examine(site)
    expect(outcome, "symlink-outside", "error", src_uri=folder, names_where=False)
    named = [p["file"] for p in outcome.problems]
    assert named.count(folder) == 1, f"the folder is named once: {named}"
    assert not [uri for uri in named if uri.startswith(folder + "/")], f"not file by file: {named}"
    assert outcome.published == [GOOD], "no case in a linked folder is ever published"
    assert outcome.report["counts"]["cases"] == 1
    assert_nothing_from_outside(outcome, marker)


def test_a_build_after_a_good_build_leaves_nothing_from_outside(tmp_path: Path, outside: Path, marker: str) -> None:
    """A good build, then links out are added: the failing build copies nothing into the existing site."""
    site = site_with(tmp_path)
    first = examine(site)
    assert first.build.returncode == 0, first.explain()
    link(site, "cases/2024/leak.md", outside / "secret.md")
    link(site, "cases/2024/photo.jpg", outside / "secret.jpg")
    link(site, "gallery", outside / "more")
    outcome = examine(site)
    for src_uri in ("cases/2024/leak.md", "cases/2024/photo.jpg", "gallery"):
        expect(outcome, "symlink-outside", "error", src_uri=src_uri, names_where=False)
    assert_nothing_from_outside(outcome, marker)


def test_links_from_one_place_inside_content_to_another_are_fine(tmp_path: Path) -> None:
    site = site_with(tmp_path, {
        "shared/photo.jpg": JPEG + b"shared",
        "about.md": page({"title": "关于"}, "关于本站。"),
        "cases/2024/withcover.md": page(case("有封面的案例", "2024-03-01", "minhou", cover="photo.jpg"), "正文。"),
    })  # fmt: skip
    link(site, "cases/2024/photo.jpg", "../../shared/photo.jpg")  # relative
    link(site, "cases/2024/twin.md", site.content / GOOD)  # absolute, still inside
    link(site, "gallery", "shared")  # a folder
    link(site, "about-too.md", "about.md")
    outcome = examine(site, strict=True)
    assert outcome.problems == [], outcome.explain()
    assert outcome.build.returncode == 0 and outcome.strict is not None and outcome.strict.returncode == 0
    assert_never_dropped(outcome)
    data = json.loads((site.site_dir / "data/cases.json").read_text(encoding="utf-8"))
    assert {record["src"] for record in data["cases"]} == {GOOD, "cases/2024/twin.md", "cases/2024/withcover.md"}
    assert (site.site_dir / "cases/2024/photo.jpg").read_bytes() == JPEG + b"shared"
    assert (site.site_dir / "gallery/photo.jpg").read_bytes() == JPEG + b"shared"
    assert "关于本站" in site.html("about-too/")


def test_a_folder_linked_to_its_own_ancestor_does_not_hang_the_build(tmp_path: Path) -> None:
    """A link loop (`content/cases/2024/loop` → `content/cases`): the build ends, named or fine, never endless."""
    site = site_with(tmp_path)
    link(site, "cases/2024/loop", "..")
    outcome = examine(site)  # every command is bounded by the hang guard
    assert "Traceback" not in outcome.build.stderr, outcome.build.stderr[-3000:]
    assert outcome.build.returncode in (0, 1), outcome.explain()
    if outcome.build.returncode == 1:
        named = [p["file"] for p in outcome.problems if p["severity"] == "error"]
        assert any(uri.startswith("cases/2024/loop") for uri in named), outcome.explain()
    assert GOOD in outcome.published


# -- B. folder names in another letter case ---------------------------------------------------------

SHANG = {"name": "尚商量", "organisation": "测试市政协"}
YANG = {"name": "洋区", "brand": "rong", "sub_brand": "洋里商量"}
CASE_X = page(case("大小写文件夹里的案例", "2024-06-18", "minhou"), "正文。")
CASE_X_YANG = page(case("大小写文件夹里的案例", "2024-06-18", "yang"), "正文。")

LETTER_CASE_TREES: dict[str, dict[str, str]] = {
    "Cases": {"Cases/2024/x.md": CASE_X},
    "BRANDS": {
        "BRANDS/shang.md": page(SHANG, "尚商量。"),
        "districts/yang.md": page({**YANG, "brand": "shang"}, "洋区。"),
        "cases/2024/x.md": CASE_X_YANG,
    },
    "Districts": {"Districts/yang.md": page(YANG, "洋区。"), "cases/2024/x.md": CASE_X_YANG},
    "all-three": {
        "BRANDS/shang.md": page(SHANG, "尚商量。"),
        "Districts/yang.md": page({**YANG, "brand": "shang"}, "洋区。"),
        "Cases/2024/x.md": CASE_X_YANG,
    },
}


@pytest.mark.parametrize("files", LETTER_CASE_TREES.values(), ids=LETTER_CASE_TREES.keys())
def test_folders_named_in_another_letter_case_are_never_silent_ordinary_pages(
    tmp_path: Path, files: dict[str, str]
) -> None:
    site = make_site(tmp_path / "site", {**base_files(), **files})
    outcome = examine(site)
    capitalised = [uri for uri in files if uri.split("/")[0] != uri.split("/")[0].lower()]
    assert "Traceback" not in outcome.build.stderr
    if outcome.build.returncode != 0:
        # The other way the contract allows: an error naming each such file.
        errors = {p["file"] for p in outcome.problems if p["severity"] == "error"}
        missing = [uri for uri in capitalised if uri not in errors]
        assert not missing, f"the build failed without naming {missing}\n{outcome.explain()}"
        return
    assert_never_dropped(outcome)
    district = "minhou" if CASE_X in files.values() else "yang"
    data = json.loads((site.site_dir / "data/cases.json").read_text(encoding="utf-8"))
    records = [r for r in data["cases"] if r["url"].endswith("/cases/2024/x/")]
    assert len(records) == 1, f"the case is not in data/cases.json: {[r['url'] for r in data['cases']]}"
    assert [d["key"] for d in records[0]["districts"]] == [district]
    assert "cases/2024/x/" in site.html(f"districts/{district}/"), f"not listed on districts/{district}/"
    assert (site.site_dir / "cases/2024/x/index.html").exists()
    if any(uri.startswith("BRANDS/") for uri in files):
        assert records[0]["brand"]["key"] == "shang"
        assert "洋里商量" in site.html("brands/shang/"), "the brand page lists its sub-brand"
