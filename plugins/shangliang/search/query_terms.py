"""Let the browser hand Pagefind a query already cut into the index's words.

Pagefind 1.5's `search()` cuts a Chinese query with the browser's `Intl.Segmenter`
before looking its terms up, and that segmenter cuts differently from the dictionary
the index was built with (济事 becomes 济 + 事). shangliang cuts the query itself, with
the index's own words (`lexicon.py`, `words.js`), so the build makes Pagefind skip its
own cutting when a search says `{segmented: true}`: one condition added to the one
place in `pagefind.js` (and `pagefind-worker.js`) where it decides to cut.

The change is made only to the Pagefind versions in `SUPPORTED_VERSIONS`, and only when
the place is found exactly once; otherwise the file is left as Pagefind wrote it and
searches are cut by both (they still work, less precisely).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

__all__ = ["FILES", "SUPPORTED_VERSIONS", "UNPATCHED", "allow_segmented_queries", "patched"]

SUPPORTED_VERSIONS = ("1.5.2",)
FILES = ("pagefind.js", "pagefind-worker.js")
UNPATCHED = "if(needsWordSegmentation(trueLanguage)){"
# The options argument of search() (`options2` in pagefind.js, `options` in the worker).
_SEARCH = re.compile(r"async search\(term,(\w+)=\{\}\)\{\1=\{verbose")
_DONE = re.compile(r"if\(needsWordSegmentation\(trueLanguage\)&&!\w+\.segmented\)\{")


def patched(text: str) -> str | None:
    """`text` with the condition added, or None when the place is not found exactly once."""
    search = list(_SEARCH.finditer(text))
    if len(search) != 1 or text.count(UNPATCHED) != 1 or text.index(UNPATCHED) < search[0].end():
        return None
    options = search[0].group(1)
    return text.replace(UNPATCHED, f"if(needsWordSegmentation(trueLanguage)&&!{options}.segmented){{")


def allow_segmented_queries(bundle: Path) -> str:
    """Patch the bundle's scripts; "" when done, else why not (one line)."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    version = entry.get("version")
    if version not in SUPPORTED_VERSIONS:
        return f"Pagefind {version} is not one of {', '.join(SUPPORTED_VERSIONS)}"
    texts = {name: (bundle / name).read_text(encoding="utf-8") for name in FILES if (bundle / name).is_file()}
    if "pagefind.js" not in texts:
        return "the bundle has no pagefind.js"
    texts = {name: text for name, text in texts.items() if not _DONE.search(text)}  # patched already
    changed = {name: patched(text) for name, text in texts.items()}
    for name, text in changed.items():
        if text is None:
            return f"{name}: the place where Pagefind cuts a query was not found once"
    for name, text in changed.items():
        (bundle / name).write_text(text or "", encoding="utf-8")
    return ""
