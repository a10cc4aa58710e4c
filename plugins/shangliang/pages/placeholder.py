"""What a page shows in a preview when its file cannot be shown: its title and its problems.

A file whose front matter cannot be read, or whose body must not be rendered (nested too
deeply, control characters, too large), is never handed to MkDocs as written: MkDocs
would parse its YAML again (an alias bomb with no bound) or render its body (minutes for a
deep list). The preview shows this page in its place until the file is fixed; a build
stops on the same problems.
"""

from __future__ import annotations

import json

from shangliang.content.catalogue import LoadResult
from shangliang.model import printable


def placeholder_source(src_uri: str, load: LoadResult) -> str:
    """Markdown with front matter: the file's title when it states one readably, and its problems as text."""
    title = load.titles.get(src_uri) or src_uri
    lines = [
        f"- `{printable(str(problem)).replace('`', '′')}`"
        for problem in load.problems if problem.src_uri == src_uri
    ]  # fmt: skip
    # JSON is YAML: a quoted title whatever it holds.
    front = f"---\ntitle: {json.dumps(printable(title), ensure_ascii=True)}\n---\n"
    return front + "\n此文件有问题，修正之前不会发布，这里只列出问题：\n\n" + "\n".join(lines) + "\n"
