"""`check.py` and the roundups agree: a roundup the cases have outdated is a problem naming its fix,
and the fix it names (`make roundups`) is a command of the README's set-up that does it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sites import REPO, case, make_site, page, with_minhou

from shangliang.roundup.files import ROUNDUP_COMMAND

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
    [line, summary] = text.stdout.splitlines()
    assert line == ("警告: roundups/2024.md: 与已发布的案例不一致（其中的数字或列表已有变化）；"
                    "要更新全部年度综述，请运行：make roundups")
    assert summary == "1个文件中有1处警告"
    assert run(CHECK, cwd=site.root).returncode == 0  # a warning: only --strict fails on it, as the build does
    english = run(CHECK, "--strict", "--lang", "en", cwd=site.root)
    assert english.returncode == 1 and "to bring every roundup up to date run: make roundups" in english.stdout

    document = json.loads(run(CHECK, "--format", "json", cwd=site.root).stdout)
    [problem] = document["problems"]
    assert (problem["file"], problem["code"], problem["severity"]) == ("roundups/2024.md", "roundup-stale", "warning")

    # The fix it names works: afterwards check is clean again.
    assert run(ROUNDUP, "--all", cwd=site.root).returncode == 0
    assert run(CHECK, "--strict", cwd=site.root).returncode == 0


def test_a_year_without_a_roundup_file_is_not_a_problem(tmp_path: Path) -> None:
    site = make_site(tmp_path, with_minhou({"cases/2024/a.md": page(case("甲", "2024-03-02", "minhou"), "正文。")}))
    assert run(CHECK, "--strict", cwd=site.root).returncode == 0


def test_the_command_check_names_is_the_readmes_make_target_that_writes_every_roundup() -> None:
    assert ROUNDUP_COMMAND == "make roundups"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "`make roundups`" in readme and "make test" in readme  # the set-up the README gives
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    target = re.search(r"^roundups: *(.*)\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert target is not None, "the Makefile has no roundups target"
    assert target.group(1).split() == ["setup"]  # on a fresh clone it creates .venv first, as `make test` does
    assert target.group(2).strip() == "$(BIN)/python scripts/roundup.py --all"


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_roundups_runs_the_roundup_script_over_every_year() -> None:
    # -n: print what make would run, run nothing (the set-up's pip install included). Run as from a shell,
    # whatever make runs these tests (`make test` passes MAKEFLAGS and MAKELEVEL down).
    env = {name: value for name, value in os.environ.items() if name not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    result = subprocess.run(["make", "-n", "roundups"], cwd=REPO, capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == ".venv/bin/python scripts/roundup.py --all"
