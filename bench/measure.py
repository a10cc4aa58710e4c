"""The benchmark's measurements: one build's time and memory, page weights, scripts, the preview.

Memory is the peak, over the run, of the resident memory (VmRSS, from /proc/<pid>/statm)
summed over the whole process tree — mkdocs and the Pagefind binary it starts — sampled
every 50 ms, or the largest single process's peak (`ru_maxrss` of that run, from wait4)
when that is higher: sampling can miss a short spike, ru_maxrss cannot. Linux carries the
spawning process's own high-water mark into its child's ru_maxrss (it is recorded when the
child execs), so a ru_maxrss no higher than this process's VmHWM at the spawn says nothing
of the child: the largest process's peak is then the highest VmHWM (/proc/<pid>/status)
seen while sampling, which a short run's last 50 ms can still escape.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import platform
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from shangliang.local_site import free_port

REPO = Path(__file__).resolve().parent.parent
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.05
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_tree_rss_bytes: int  # sampled sum over the process tree
    max_process_rss_bytes: int  # ru_maxrss of the largest single process (wait4)
    exit_code: int

    @property
    def peak_bytes(self) -> int:
        """The reported peak: sampling can miss a short spike that ru_maxrss saw."""
        return max(self.peak_tree_rss_bytes, self.max_process_rss_bytes)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "peak_bytes": self.peak_bytes}


def _descendants(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as handle:
                    queue.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _tree_rss(pid: int) -> int:
    total = 0
    for member in _descendants(pid):
        try:
            with open(f"/proc/{member}/statm", encoding="ascii") as handle:
                total += int(handle.read().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            continue
    return total


def _process_high_water(pid: int) -> int:
    """VmHWM of one process (its peak resident memory since it last exec'd), in bytes; 0 if gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def tree_high_water(pid: int) -> int:
    """The highest VmHWM of any process of the tree under `pid`."""
    return max((_process_high_water(member) for member in _descendants(pid)), default=0)


def kill_tree(pid: int) -> None:
    """SIGKILL a process and every process it started (children first found, then killed together)."""
    for member in reversed(_descendants(pid)):
        with contextlib.suppress(OSError):
            os.kill(member, signal.SIGKILL)


def run_measured(
    command: list[str], *, cwd: Path, log: Path, timeout: float = 7200, kill_above_bytes: int | None = None
) -> Run:
    """Run `command` (output to `log`), sampling its process tree's memory until it exits.

    The whole tree is killed (exit code -9) after `timeout` seconds, or as soon as its
    resident memory exceeds `kill_above_bytes` (a guard for runaway inputs).
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as output:
        own_peak = own_high_water()
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT, env=ENV)
        peak = largest = 0
        killed = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                seconds = time.perf_counter() - started
                process.returncode = os.waitstatus_to_exitcode(status)
                break
            rss = _tree_rss(process.pid)
            peak = max(peak, rss)
            largest = max(largest, tree_high_water(process.pid))
            too_big = kill_above_bytes is not None and rss > kill_above_bytes
            if not killed and (time.perf_counter() - started > timeout or too_big):
                kill_tree(process.pid)
                killed = True
            time.sleep(SAMPLE_SECONDS)
    return Run(round(seconds, 3), peak, max(largest, child_max_rss(usage, own_peak)), process.returncode)


def own_high_water() -> int:
    """This process's peak resident memory so far (VmHWM), in bytes; 0 if unknown."""
    with contextlib.suppress(OSError, AttributeError, ValueError):
        found = re.search(r"VmHWM:\s+(\d+) kB", Path("/proc/self/status").read_text(encoding="ascii"))
        return int(found.group(1)) * 1024  # type: ignore[union-attr]
    return 0


def child_max_rss(usage: Any, own_peak: int) -> int:
    """A reaped child's ru_maxrss in bytes, or 0 when it is no higher than `own_peak` (this process's
    VmHWM when it spawned the child), which Linux carries into the child's figure."""
    maxrss = int(usage.ru_maxrss) * 1024
    return maxrss if maxrss > own_peak else 0


def build_command(config: Path, site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)]


# -- the floor: plain MkDocs + Material on the same Markdown -------------------------------------


def _top_level_blocks(text: str) -> dict[str, str]:
    """`key → the key's lines` for the top-level keys of a YAML file, verbatim."""
    blocks: dict[str, str] = {}
    current = None
    for line in text.splitlines(keepends=True):
        match = re.match(r"([A-Za-z_]+):", line)
        if match:
            current = match.group(1)
            blocks[current] = ""
        if current is not None:
            blocks[current] += line
    return blocks


def plain_config(tree: Path, manifest: dict[str, Any]) -> Path:
    """`mkdocs-plain.yml`: the same theme settings (no custom_dir) and Markdown extensions,
    Material's own `search` plugin, no plugin of ours, and a nav of home, brands and districts.

    Cases stay out of the nav as in our build; with MkDocs' automatic nav every page would
    carry links to all cases, and the floor would grow with the square of the cases.
    """
    blocks = _top_level_blocks((tree / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = "".join(line for line in blocks["theme"].splitlines(keepends=True) if "custom_dir:" not in line)
    nav = ["nav:\n", "  - index.md\n", "  - 品牌:\n"]
    nav += [f"    - brands/{brand}.md\n" for brand in manifest["brands"]]
    nav += ["  - 区县:\n"]
    nav += [f"    - districts/{district}.md\n" for districts in manifest["brands"].values() for district in districts]
    text = (
        "# The benchmark's floor: plain MkDocs + Material, Material's search, no shangliang plugin.\n"
        + blocks.get("site_name", "site_name: plain\n")
        + "docs_dir: content\n"
        + theme
        + "plugins:\n  - search\n"
        + blocks.get("markdown_extensions", "")
        + "".join(nav)
    )
    path = tree / "mkdocs-plain.yml"
    path.write_text(text, encoding="utf-8")
    return path


# -- what a reader downloads ----------------------------------------------------------------------


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def largest_district(manifest: dict[str, Any]) -> tuple[str, int]:
    counts: dict[str, int] = {}
    for case in manifest["cases"]:
        for key in case["districts"]:
            counts[key] = counts.get(key, 0) + 1
    key = max(sorted(counts), key=lambda k: counts[k])
    return key, counts[key]


def page_weights(site_dir: Path, manifest: dict[str, Any], case_url: str) -> dict[str, dict[str, Any]]:
    """Raw and gzip -6 bytes of the home page, the largest brand and district, and one case
    (and the heaviest page of the district's index when it is split into year pages)."""
    brand_of = {district: brand for brand, districts in manifest["brands"].items() for district in districts}
    brand_counts: dict[str, int] = {}
    for case in manifest["cases"]:
        brand = brand_of[case["districts"][0]]
        brand_counts[brand] = brand_counts.get(brand, 0) + 1
    brand = max(sorted(brand_counts), key=lambda k: brand_counts[k])
    district, _ = largest_district(manifest)
    pages = {"home": "", "brand": f"brands/{brand}/", "district": f"districts/{district}/", "case": case_url}
    weights = {}
    for kind, url in pages.items():
        path = site_dir / url / "index.html"
        weights[kind] = {"url": "/" + url, "bytes": path.stat().st_size, "gzip_bytes": gzipped_size(path)}
    # A district index split into year pages: the heaviest of them too.
    parts = sorted(site_dir.glob(f"districts/{district}/**/index.html"))
    parts = [path for path in parts if path.parent != site_dir / "districts" / district]
    if parts:
        heaviest = max(parts, key=gzipped_size)
        weights["district_part"] = {"url": "/" + heaviest.parent.relative_to(site_dir).as_posix() + "/",
                                    "bytes": heaviest.stat().st_size, "gzip_bytes": gzipped_size(heaviest)}  # fmt: skip
    return weights


# -- the editors' scripts -------------------------------------------------------------------------


def time_script(name: str, args: list[str], tree: Path, logs: Path) -> dict[str, Any]:
    """Time `scripts/<name> -f TREE/mkdocs.yml ARGS`; "not available" when the script is missing."""
    script = REPO / "scripts" / name
    if not script.is_file():
        return {"available": False, "note": f"scripts/{name} not available"}
    command = [sys.executable, str(script), "-f", str(tree / "mkdocs.yml"), *args]
    run = run_measured(command, cwd=tree, log=logs / f"{name.removesuffix('.py')}.log", timeout=1800)
    result: dict[str, Any] = {"available": True, "command": " ".join(["scripts/" + name, *args]), **run.as_dict()}
    if run.exit_code not in (0, 1):  # 1 is "the content has problems": still a complete run
        tail = (logs / f"{name.removesuffix('.py')}.log").read_text(encoding="utf-8", errors="replace")[-600:]
        result["note"] = f"exited with {run.exit_code}: {tail}"
    return result


# -- the preview: one edit under `mkdocs serve --dirty` ------------------------------------------


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def _links(page_url: str, html: str) -> set[str]:
    """The paths of every link of a page, resolved against its URL."""
    return {urlsplit(urljoin(page_url, href)).path for href in re.findall(r'href="([^"#]*)', html)}


def _district_pages(page_url: str, html: str) -> list[str]:
    """The district page and the pages its index is split into (years, parts), if any."""
    prefix = urlsplit(page_url).path
    base = page_url[: -len(prefix)]
    others = sorted(path for path in _links(page_url, html) if path.startswith(prefix) and path != prefix)
    return [page_url, *(base + path for path in others)]


def _read_all(urls: list[str]) -> tuple[str, set[str]]:
    """The pages' HTML joined, and every path they link to."""
    pages = [(url, _get(url) or "") for url in urls]
    links: set[str] = set()
    for url, html in pages:
        links |= _links(url, html)
    return "\n".join(html for _, html in pages), links


def serve_edit(
    tree: Path, manifest: dict[str, Any], logs: Path, *,
    dirty: bool, edit_timeout: float = 60, start_timeout: float = 3600,
) -> dict[str, Any]:
    """Seconds from saving a new title of one case to its district's index showing it, in the preview
    (`mkdocs serve`, with `--dirty` when `dirty`); None when it did not show within `edit_timeout`.

    The case is the newest of the largest district (the longest list). The district's index
    is its page and, when the index is split, the year pages it links to; afterwards they
    must still link every case of the district.
    """
    district, count = largest_district(manifest)
    cases = [case for case in manifest["cases"] if district in case["districts"]]
    target = max(cases, key=lambda case: case["src_uri"])
    port = free_port()
    page_url = f"http://127.0.0.1:{port}/districts/{district}/"
    log = logs / ("serve-dirty.log" if dirty else "serve.log")
    command_line = "mkdocs serve" + (" --dirty" if dirty else "")
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "mkdocs", "serve", *(["--dirty"] if dirty else []), "-a", f"127.0.0.1:{port}",
               "-f", str(tree / "mkdocs.yml")]  # fmt: skip
    seconds = None
    with log.open("wb") as output:
        started = time.perf_counter()
        server = subprocess.Popen(command, cwd=tree, stdout=output, stderr=subprocess.STDOUT, env=ENV)
        try:
            html = None
            while html is None:
                failure = None
                if server.poll() is not None:
                    failure = f"mkdocs serve exited with {server.returncode}; see {log}"
                elif time.perf_counter() - started > start_timeout:
                    failure = f"mkdocs serve did not serve within {start_timeout:.0f} s; see {log}"
                if failure:
                    return {"command": command_line, "cases": len(manifest["cases"]), "note": failure}
                time.sleep(0.5)
                html = _get(page_url)
            start_seconds = time.perf_counter() - started
            pages = _district_pages(page_url, html)
            time.sleep(2)  # let the watcher settle after the first build
            source = tree / "content" / target["src_uri"]
            new_title = target["title"] + "（已修改）"
            text = source.read_text(encoding="utf-8")
            source.write_text(text.replace(f"title: {target['title']}\n", f"title: {new_title}\n", 1), encoding="utf-8")
            edited = time.perf_counter()
            while time.perf_counter() - edited < edit_timeout:
                html, links = _read_all(pages)
                if new_title in html:
                    seconds = time.perf_counter() - edited
                    break
                time.sleep(0.1)
            html, links = _read_all(_district_pages(page_url, _get(page_url) or ""))
            missing = [case["url"] for case in cases if "/" + case["url"] not in links]
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)
    return {
        "command": command_line,
        "cases": len(manifest["cases"]),
        "district": district,
        "district_cases": count,
        "district_pages": len(pages),
        "edited": target["src_uri"],
        "start_seconds": round(start_seconds, 2),
        "seconds": None if seconds is None else round(seconds, 2),
        "complete": seconds is not None and not missing,
        "missing": missing[:10],
        "note": "" if seconds is not None else f"the new title did not show within {edit_timeout:.0f} s",
    }


# -- the machine ----------------------------------------------------------------------------------


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = 0
    with contextlib.suppress(OSError, AttributeError):
        found = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text(encoding="ascii"))
        memory = int(found.group(1)) * 1024  # type: ignore[union-attr]
    return {
        "cpus": len(os.sched_getaffinity(0)),
        "cpu_model": cpu,
        "memory_bytes": memory,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "mkdocs": _version("mkdocs"),
        "mkdocs_material": _version("mkdocs-material"),
        "pagefind": _version("pagefind-bin-extended"),
    }


def load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]
