"""Shared fixtures: paths of the repository and a real build of the sample publication."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from generated_tree import build, generated_cases

from shangliang.messages import set_language
from shangliang.pages.grouping import Index

REPO = Path(__file__).resolve().parent.parent
TEST_OUTPUT = REPO / "test-output"


def run_mkdocs(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs` command line, as an editor would."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(autouse=True)
def _problems_in_chinese():
    """Every test starts with problems worded in Chinese, the default (the language is the process's)."""
    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample publication in `content/`, built once with `mkdocs build --strict`."""
    site_dir = tmp_path_factory.mktemp("sample-site")
    result = run_mkdocs("build", "--strict", "--site-dir", str(site_dir))
    assert result.returncode == 0, f"sample build failed:\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def cases() -> dict[str, dict]:
    """The generated content tree of the grouping and views tests: src_uri → front matter."""
    return generated_cases()


@pytest.fixture(scope="session")
def index(cases: dict[str, dict]) -> Index:
    """The `Index` of the generated tree (`cases`)."""
    return Index(build(cases).catalogue)
