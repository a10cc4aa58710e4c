"""A script of scripts/ run in the test's own process (fast), as its command would run it."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest


def load_script(path: Path) -> ModuleType:
    """The script as a module, so that its `main` runs in this process."""
    spec = importlib.util.spec_from_file_location(f"script_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


ScriptRun = Callable[..., Run]


def script_run(script_path: Path, config_file: Path, capfd: pytest.CaptureFixture[str]) -> ScriptRun:
    """`<script> -f <config_file> …`: its exit code, stdout and stderr."""
    script = load_script(script_path)

    def run(*args: str | Path) -> Run:
        try:
            code = script.main(["-f", str(config_file), *map(str, args)])
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        out, err = capfd.readouterr()
        return Run(code, out, err)

    return run
