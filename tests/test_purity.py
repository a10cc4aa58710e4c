"""The package's rooms keep to their jobs: what each folder may import, and who may print.

- Only `plugin/` imports MkDocs or Material: everything else can be used and tested
  without them (each check runs in a fresh interpreter, so that modules this test
  session has already imported, MkDocs among them, cannot hide an import).
- Only `cli/` prints (the editors' scripts too, but they live outside the package).
- `content/` (a tree from disk to a validated catalogue) imports nothing of the rooms
  that present it: `pages/`, `outputs/`, `search/`, `roundup/`, `preview/`, `plugin/`, `cli/`.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "shangliang"

GLUE_FOLDER = "plugin"
"""The only folder allowed to import MkDocs or Material."""

PRINTING_FOLDER = "cli"
"""The only folder allowed to print."""

PRESENTING_ROOMS = ("pages", "outputs", "search", "roundup", "preview", "plugin", "cli")
"""What `content/` must not import."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def room_of(path: Path) -> str:
    """The folder directly under the package (`''` for modules at its root)."""
    relative = path.relative_to(PACKAGE).parts
    return relative[0] if len(relative) > 1 else ""


MODULES = sorted(PACKAGE.rglob("*.py"))
PURE_MODULES = tuple(module_name(path) for path in MODULES if room_of(path) != GLUE_FOLDER)

BLOCK_MKDOCS = (
    "import sys\n"
    "sys.modules['mkdocs'] = None  # any `import mkdocs…` now raises ImportError\n"
    "sys.modules['material'] = None\n"
)


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, absolute (relative imports resolved against its package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def calls_print(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"
        for node in ast.walk(tree)
    )


@pytest.mark.parametrize("module", PURE_MODULES)
def test_a_module_outside_the_plugin_folder_imports_with_mkdocs_blocked(module):
    result = run_python(BLOCK_MKDOCS + f"import {module}\nprint('imported')\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "imported"


def test_every_room_is_checked():
    rooms = {room_of(path) for path in MODULES}
    assert {"content", "pages", "outputs", "search", "roundup", "preview", "cli", GLUE_FOLDER} <= rooms
    assert {"shangliang.model", "shangliang.urls", "shangliang.content.catalogue", "shangliang.cli.common"} <= set(
        PURE_MODULES
    )
    assert not [module for module in PURE_MODULES if module.startswith("shangliang.plugin")]


def test_all_modules_outside_the_plugin_folder_import_together_without_loading_mkdocs():
    # Not blocked this time: nothing may even try (a guarded `try: import mkdocs` would pass above).
    imports = "".join(f"import {module}\n" for module in PURE_MODULES)
    check = "loaded = sorted(name for name in sys.modules if name.split('.')[0] in ('mkdocs', 'material'))\n"
    result = run_python("import sys\n" + imports + check + "print(loaded)\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_plugin_fails_to_import_with_mkdocs_blocked():
    """The block is real: the folder that does need MkDocs cannot be imported under it."""
    result = run_python(BLOCK_MKDOCS + "import shangliang.plugin\n")
    assert result.returncode != 0
    assert "ModuleNotFoundError" in result.stderr or "ImportError" in result.stderr
    assert "mkdocs" in result.stderr


def test_the_plugin_imports_without_the_block():
    """…and only because of the block: unblocked, the same import works."""
    result = run_python("import shangliang.plugin\nprint(shangliang.plugin.ShangliangPlugin.__name__)\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ShangliangPlugin"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: module_name(path))
def test_only_the_plugin_folder_names_mkdocs_or_material(path):
    if room_of(path) == GLUE_FOLDER:
        return
    named = {name for name in imported_modules(path) if name.split(".")[0] in ("mkdocs", "material")}
    assert not named, f"{module_name(path)} imports {sorted(named)}: only shangliang.plugin may"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: module_name(path))
def test_only_the_cli_folder_prints(path):
    if room_of(path) == PRINTING_FOLDER:
        return
    assert not calls_print(path), f"{module_name(path)} calls print(): only shangliang.cli talks to a terminal"


@pytest.mark.parametrize("path", [p for p in MODULES if room_of(p) == "content"], ids=lambda p: module_name(p))
def test_content_imports_nothing_that_presents_it(path):
    forbidden = tuple(f"shangliang.{room}" for room in PRESENTING_ROOMS)
    bad = sorted(name for name in imported_modules(path) if name.startswith(forbidden))
    assert not bad, f"{module_name(path)} imports {bad}: content/ must not depend on what presents it"


def test_the_import_rules_can_fail(tmp_path):
    """The checks above see an import and a print when there is one."""
    sample = tmp_path / "sample.py"
    sample.write_text("from mkdocs.plugins import BasePlugin\nfrom .grouping import Index\nprint('x')\n")
    assert calls_print(sample)
    tree_names = {node.module for node in ast.walk(ast.parse(sample.read_text())) if isinstance(node, ast.ImportFrom)}
    assert "mkdocs.plugins" in tree_names
