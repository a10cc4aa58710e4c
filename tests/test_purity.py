"""The pure modules never import MkDocs: they can be used and tested without it.

Each check runs in a fresh interpreter, so that modules this test session has
already imported (MkDocs among them) cannot hide an import.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

GLUE_MODULES = {"plugin", "navigation", "dirty_build"}
"""The only modules allowed to import MkDocs: the plugin's glue."""

PURE_MODULES = tuple(
    f"shangliang.{path.stem}"
    for path in sorted((Path(__file__).parent.parent / "plugins" / "shangliang").glob("*.py"))
    if path.stem not in GLUE_MODULES and path.stem != "__init__"
)

BLOCK_MKDOCS = "import sys\nsys.modules['mkdocs'] = None  # any `import mkdocs…` now raises ImportError\n"


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module_imports_with_mkdocs_blocked(module):
    result = run_python(BLOCK_MKDOCS + f"import {module}\nprint('imported')\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "imported"


def test_every_module_but_the_glue_is_checked():
    assert {"shangliang.model", "shangliang.catalogue", "shangliang.content_tree"} <= set(PURE_MODULES)
    assert "shangliang.plugin" not in PURE_MODULES


def test_all_pure_modules_import_together_without_loading_mkdocs():
    # Not blocked this time: nothing may even try (a guarded `try: import mkdocs` would pass above).
    imports = "".join(f"import {module}\n" for module in PURE_MODULES)
    check = "loaded = sorted(name for name in sys.modules if name.split('.')[0] in ('mkdocs', 'material'))\n"
    result = run_python("import sys\n" + imports + check + "print(loaded)\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_plugin_module_fails_to_import_with_mkdocs_blocked():
    """The block is real: the one module that does need MkDocs cannot be imported under it."""
    result = run_python(BLOCK_MKDOCS + "import shangliang.plugin\n")
    assert result.returncode != 0
    assert "ModuleNotFoundError" in result.stderr or "ImportError" in result.stderr
    assert "mkdocs" in result.stderr


def test_the_plugin_module_imports_without_the_block():
    """…and only because of the block: unblocked, the same import works."""
    result = run_python("import shangliang.plugin\n")
    assert result.returncode == 0, result.stderr
