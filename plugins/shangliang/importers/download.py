"""Downloading a news page when the editor gives its address (`http://` or `https://`) instead of a file.

`download(url)` returns the page's bytes (trafilatura reads their encoding, GBK pages too) or
raises `DownloadError` with a Chinese message that says what to do instead, e.g. when the
machine has no network: save the page from a browser and import the file.
"""

from __future__ import annotations

import urllib.error
import urllib.request

from shangliang.importers.article import ArticleError

TIMEOUT_SECONDS = 20.0
MAX_PAGE_BYTES = 10 * 1024 * 1024
USER_AGENT = "Mozilla/5.0 (compatible; shangliang-import/0.1)"
SAVE_INSTEAD = "可以在浏览器里打开这个网页，“另存为”一个 .html 文件，再导入这个文件"


class DownloadError(ArticleError):
    """The page could not be downloaded; the message says why and what to do."""


def is_web_address(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def download(url: str, *, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The page at `url` (http or https only), at most `MAX_PAGE_BYTES`."""
    if not is_web_address(url):
        raise DownloadError(f"不是网址（应以 http:// 或 https:// 开头）：{url}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw: bytes = response.read(MAX_PAGE_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise DownloadError(
            f"下载失败：网站回答 {error.code}（{error.reason}）；请检查网址，或{SAVE_INSTEAD}"
        ) from None
    except OSError as error:  # URLError, a timeout, a refused connection
        reason = getattr(error, "reason", error)
        raise DownloadError(
            f"下载失败：连不上这个网址（{reason}）。这台电脑可能没有联网，或者网站不让下载；{SAVE_INSTEAD}"
        ) from None
    if len(raw) > MAX_PAGE_BYTES:
        raise DownloadError(f"下载失败：网页大于 {MAX_PAGE_BYTES // (1024 * 1024)} MB，不像是一篇报道")
    return raw
