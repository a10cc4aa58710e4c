"""`check.py` and the roundups agree: a roundup the cases have outdated is a problem naming its fix."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sites import REPO, case, make_site, page, with_minhou

CHECK = REPO / "scripts" / "check.py"
ROUNDUP = REPO / "scripts" / "roundup.py"


def run(script: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(script), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_a_new_case_makes_its_years_roundup_stale_and_check_says_how_to_fix_it(tmp_path: Path) -> None:
    site = make_site(tmp_path, with_minhou({"cases/2024/a.md": page(case("甲", "2024-03-02", "minhou"), "正文。")}))
    assert run(ROUNDUP, "2024", cwd=site.root).returncode == 0
    assert run(CHECK, "--strict", cwd=site.root).returncode == 0

    site.write("cases/2024/b.md", page(case("乙", "2024-05-06", "minhou"), "正文。"))
    text = run(CHECK, "--strict", cwd=site.root)
    assert text.returncode == 1
    assert "roundups/2024.md: out of date with the published cases" in text.stdout
    assert "run: make roundups" in text.stdout

    document = json.loads(run(CHECK, "--format", "json", cwd=site.root).stdout)
    [problem] = document["problems"]
    assert (problem["file"], problem["code"], problem["severity"]) == ("roundups/2024.md", "roundup-stale", "warning")

    # The fix it names works: afterwards check is clean again.
    assert run(ROUNDUP, "--all", cwd=site.root).returncode == 0
    assert run(CHECK, "--strict", cwd=site.root).returncode == 0


def test_a_year_without_a_roundup_file_is_not_a_problem(tmp_path: Path) -> None:
    site = make_site(tmp_path, with_minhou({"cases/2024/a.md": page(case("甲", "2024-03-02", "minhou"), "正文。")}))
    assert run(CHECK, "--strict", cwd=site.root).returncode == 0
