"""The web form end to end: `scripts/edit.py` on a copy of the sample, a case written in Chinese in headless Chromium.

The sample is copied into a temporary Git working copy; `edit.py` starts decap-server and the
preview on free ports; Chromium opens `/admin/`, logs in to the local backend, fills a new case
(title, file name, a month-precise date, district, format, topics, summary, body) and publishes it.
The file must land in `content/cases/2025/`, in the contract's field names, with nothing the form
keeps for itself; `check.py --strict` and `mkdocs build --strict` must pass on the tree; the published
build has no `/admin/`. No request leaves the machine, and the page's policy blocks nothing but the
preview's inline live-reload script (which must not reload the form when a save rebuilds the site).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from npm_packages import decap_installed

from shangliang.local_site import free_port
from tests.sites import REPO

from .conftest import PageRecord

pytestmark = pytest.mark.browser

KEY = "shequ-yanglao-fuwuzhan"
TITLE = "社区养老服务站改造提升"
SUMMARY = "委员与民政部门商量养老服务站的改造方案，议定分两期实施。"
BODY = "三月，委员们来到社区，听取老人们对养老服务站的意见。"
STARTUP_SECONDS = 300

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} ${event.blockedURI || "inline"}`);
});
"""


@dataclass
class EditRun:
    root: Path
    process: subprocess.Popen[bytes]
    admin_url: str
    log: Path

    @property
    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]


def _copy_of_the_sample(root: Path) -> Path:
    for name in ("content", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    if shutil.which("git"):
        for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.org",
                                                       "commit", "-q", "-m", "sample"]):  # fmt: skip
            subprocess.run(["git", *command], cwd=root, check=True, capture_output=True)
    return root


def _serves(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return int(response.status) == 200
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture
def edit_run(tmp_path: Path) -> Iterator[EditRun]:
    decap_installed()
    root = _copy_of_the_sample(tmp_path / "working-copy")
    port, server_port = free_port(), free_port()
    log = tmp_path / "edit.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, str(REPO / "scripts" / "edit.py"), "-f", str(root / "mkdocs.yml"),
             "--port", str(port), "--server-port", str(server_port)],
            cwd=root, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    run = EditRun(root, process, f"http://127.0.0.1:{port}/admin/", log)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not _serves(run.admin_url):
            assert process.poll() is None, f"edit.py stopped (exit {process.returncode}):\n{run.output}"
            assert time.monotonic() < deadline, f"the form was not served in {STARTUP_SECONDS} s:\n{run.output}"
            time.sleep(0.5)
        yield run
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _field(page, name: str):  # type: ignore[no-untyped-def]
    """A field of the form by its key (Decap's ids are `<key>-field-<n>`)."""
    return page.locator(f'[id^="{name}-field-"]').first


def _fill_a_case_in_chinese(page) -> None:  # type: ignore[no-untyped-def]
    _field(page, "title").fill(TITLE)
    _field(page, "file_name").fill(KEY)
    _field(page, "date").fill("2025-03")
    _field(page, "district").fill("闽侯")
    page.keyboard.press("Enter")
    _field(page, "format").fill("微协商")
    page.keyboard.press("Enter")
    _field(page, "tags").fill("养老, 民生")
    _field(page, "members").fill("6")
    _field(page, "summary").fill(SUMMARY)
    page.locator('[data-slate-editor="true"]').first.click()
    page.keyboard.type(BODY)


def _run(*command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *command], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})  # fmt: skip


def test_a_case_written_in_the_form_lands_in_content_checks_and_builds(browser, edit_run, screenshot_dir):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="zh-CN")
    record = PageRecord()
    context.route(lambda url: not url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")),
                  lambda route: route.abort("blockedbyclient"))  # fmt: skip
    context.add_init_script(RECORD_VIOLATIONS)
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.on("request", lambda request: record.requests.append(request.url))
        page.on("pageerror", lambda error: record.page_errors.append(str(error)))
        page.goto(edit_run.admin_url)
        page.get_by_role("button", name="登录").click()  # the local backend: no account, no password
        page.get_by_text("协商阵地").first.wait_for()  # the collections, in Chinese
        page.get_by_text("推进县域电商直播基地建设").first.wait_for()  # the sample's cases, listed
        page.screenshot(path=str(screenshot_dir / "cms-cases.png"))
        page.goto(edit_run.admin_url + "#/collections/cases/new")
        _fill_a_case_in_chinese(page)
        page.get_by_text("协商日期 date").first.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshot_dir / "cms-case-form.png"))
        page.get_by_role("button", name="发布").first.click()
        page.get_by_text("立即发布").click()
        page.get_by_text("已发布").first.wait_for()
        violations = page.evaluate("window.__violations")
    finally:
        context.close()

    saved = edit_run.root / "content" / "cases" / "2025" / f"{KEY}.md"
    assert saved.is_file(), f"nothing at {saved}; the form's log:\n{edit_run.output}"
    text = saved.read_text(encoding="utf-8")
    front, body = text.split("---\n")[1], text.split("---\n", 2)[2]
    assert yaml.safe_load(front) == {
        "title": TITLE, "date": "2025-03", "district": "minhou", "format": "微协商", "tags": ["养老", "民生"],
        "members": 6, "summary": SUMMARY,
    }  # fmt: skip
    assert body.strip() == BODY

    assert record.foreign_requests() == []
    assert record.page_errors == []
    assert set(violations) <= {"script-src-elem inline"}, violations  # at most the preview's live reload

    edit_run.process.send_signal(signal.SIGINT)
    assert edit_run.process.wait(timeout=30) == 0, edit_run.output

    check = _run(str(REPO / "scripts" / "check.py"), "--strict", "-f", "mkdocs.yml", cwd=edit_run.root)
    assert check.returncode == 0, check.stdout + check.stderr
    site = edit_run.root / "published"
    build = _run("-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(site), cwd=edit_run.root)
    assert build.returncode == 0, build.stderr[-4000:]
    assert TITLE in (site / "cases" / "2025" / KEY / "index.html").read_text(encoding="utf-8")
    assert not (site / "admin").exists()  # the form is not published unless mkdocs.yml says `cms: true`
