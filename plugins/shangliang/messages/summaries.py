"""What the build says after the problems' lines, in the process's language."""

from __future__ import annotations

from shangliang.messages.language import current_language


def content_errors(count: int) -> str:
    """Why a build stopped: `count` errors, listed above it one per line."""
    if current_language() == "zh":
        return f"内容有 {count} 处错误（见上，每行一处：文件: 字段: 问题）。请改正后再构建。"
    noun = "error" if count == 1 else "errors"
    return (f"{count} {noun} in the content (listed above, one per line: file: field: problem). "
            "Fix them and build again.")
