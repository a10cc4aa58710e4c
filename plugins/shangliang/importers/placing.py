"""Where imported drafts go, whether they are valid cases, and writing them without overwriting anything.

- `place_drafts(drafts, existing)`: each draft's file, `cases/<year>/<pinyin of the title>.md`
  (`cli.scaffold`'s rule, as `new_case.py` names files); a name an existing file, or an earlier
  draft of the same run, already takes gets `-2`, `-3`, …
- `draft_problems(...)`: the problems the package's own validation finds in the drafts, read
  beside the tree's brands, districts and venues — the very check `check.py` and the build make.
- `write_new(path, text)`: creates the file; never replaces one (`False` when it exists).
- `settle(outcomes, site)`: all three for a run's outcomes: a `Result` for each, and the drafts
  without errors written (unless `write=False`, a dry run).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from shangliang.cli.scaffold import case_src_uri, free_slug, slug_of
from shangliang.content.catalogue import load_catalogue
from shangliang.content.limits import DEFAULT_BOUNDS, Bounds
from shangliang.importers.draft import Draft, draft_text
from shangliang.importers.outcome import Outcome
from shangliang.model import DEFAULT_FORMATS, Kind, Problem, errors_among

FALLBACK_SLUG = "dao-ru"
"""The file name of a draft whose title gives no pinyin (导入)."""

CATALOGUE_KINDS = (Kind.BRAND, Kind.DISTRICT, Kind.VENUE)


@dataclass(frozen=True)
class Placed:
    draft: Draft
    src_uri: str
    """`cases/2024/<slug>.md`, relative to the content folder."""
    wanted_uri: str
    """The name the title gives; differs from `src_uri` when that was taken."""

    @property
    def renamed(self) -> bool:
        return self.src_uri != self.wanted_uri


def place_drafts(drafts: Sequence[Draft], existing: Iterable[str]) -> list[Placed]:
    """A free file for each draft, in order; no two drafts and no existing file share a URL."""
    taken = list(existing)
    placed = []
    for draft in drafts:
        slug = slug_of(draft.title) or FALLBACK_SLUG
        wanted = case_src_uri(draft.date, slug)
        src_uri = case_src_uri(draft.date, free_slug(slug, draft.date.year, taken))
        taken.append(src_uri)
        placed.append(Placed(draft, src_uri, wanted))
    return placed


def draft_problems(
    docs_dir: Path,
    kinds: Mapping[str, Kind],
    texts: Mapping[str, str],
    *,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    bounds: Bounds = DEFAULT_BOUNDS,
) -> dict[str, list[Problem]]:
    """The problems of each draft text (by `src_uri`), validated with the tree's brands, districts and venues."""
    files: list[tuple[str, bytes]] = []
    for src_uri, kind in kinds.items():
        if kind in CATALOGUE_KINDS:
            try:
                files.append((src_uri, (docs_dir / src_uri).read_bytes()))
            except OSError:
                continue  # reported by the tree's own check
    files += [(src_uri, text.encode("utf-8")) for src_uri, text in texts.items()]
    result = load_catalogue(files, formats=formats, bounds=bounds)
    found: dict[str, list[Problem]] = {src_uri: [] for src_uri in texts}
    for problem in result.problems:
        if problem.src_uri in found:
            found[problem.src_uri].append(problem)
    return found


def write_new(path: Path, text: str) -> bool:
    """Create `path` with `text` (UTF-8, LF); `False`, writing nothing, when the file exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        return False
    return True


@dataclass(frozen=True)
class Site:
    """What a run knows of the site it imports into."""

    docs_dir: Path
    kinds: Mapping[str, Kind]
    """Every Markdown file of the tree (`LoadResult.kinds`)."""
    formats: tuple[str, ...] = DEFAULT_FORMATS
    bounds: Bounds = DEFAULT_BOUNDS


@dataclass(frozen=True)
class Result:
    """What became of one source: its draft's file, or why there is none."""

    outcome: Outcome
    src_uri: str | None = None
    text: str = ""
    renamed: bool = False
    """The title's own file name was taken: the draft got `-2`, `-3`, …"""
    problems: tuple[Problem, ...] = ()
    """What the package's validation found in the draft (errors, when it was refused)."""
    refusal: str = ""

    @property
    def imported(self) -> bool:
        return self.src_uri is not None and not self.refusal


def settle(outcomes: Sequence[Outcome], site: Site, *, write: bool = True) -> list[Result]:
    """Place, validate and (when `write`) write the drafts of `outcomes`; a result for each, in order."""
    with_draft = [(outcome, outcome.draft) for outcome in outcomes if outcome.draft is not None]
    spots = place_drafts([draft for _, draft in with_draft], site.kinds)
    placed = {id(outcome): spot for (outcome, _), spot in zip(with_draft, spots, strict=True)}
    texts = {spot.src_uri: draft_text(spot.draft) for spot in placed.values()}
    problems = draft_problems(site.docs_dir, site.kinds, texts, formats=site.formats, bounds=site.bounds)
    results = []
    for outcome in outcomes:
        spot = placed.get(id(outcome))
        if spot is None:
            results.append(Result(outcome, refusal=outcome.refusal))
            continue
        found = tuple(problems[spot.src_uri])
        result = Result(outcome, spot.src_uri, texts[spot.src_uri], spot.renamed, found)
        if errors_among(found):
            result = Result(outcome, None, result.text, False, found, "导入后的草稿没有通过检查（见下面的错误）")
        elif write and not write_new(site.docs_dir / spot.src_uri, result.text):
            result = Result(outcome, None, result.text, False, found,
                            f"{spot.src_uri} 刚刚被别人建好了，没有覆盖它；请再运行一次")  # fmt: skip
        results.append(result)
    return results
