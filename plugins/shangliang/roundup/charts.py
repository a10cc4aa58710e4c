"""Charts of the roundups: small SVG files drawn with matplotlib, readable on a phone.

Text stays text (`svg.fonttype: none`): the reader's browser draws the Chinese labels
with its own fonts, so no font file is embedded and no request leaves the page. The
fonts named here are only used to lay the labels out; the SVG names the same list
followed by the generic `sans-serif`.

Output is deterministic byte for byte (fixed ids, no date, fixed layout), and every
chart file carries the fingerprint of what it shows (`fingerprint_of`), so a check can
tell a stale chart from a current one without drawing anything.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CHART_STYLE = "months-columns-2"
"""Changes whenever the drawing below changes, so that every chart is redrawn once."""

CJK_FONTS: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "DejaVu Sans",
)
"""Font families named in the SVG, in order; the browser uses the first it has."""

BAR_COLOUR = "#b71c1c"
TEXT_COLOUR = "#212121"
GRID_COLOUR = "#bdbdbd"
ZERO_COLOUR = "#757575"
"""Empty months: lighter than the other numbers, still 4.6:1 against white."""

_FINGERPRINT = re.compile(rb"<!-- shangliang-chart ([0-9a-f]{16}) -->")


@dataclass(frozen=True)
class ColumnChart:
    """One value per labelled column, e.g. cases per month; `alt` says the same in words."""

    labels: tuple[str, ...]
    values: tuple[int, ...]
    alt: str

    def fingerprint(self) -> str:
        """Identifies what the chart shows and how it is drawn (16 hex digits)."""
        text = repr((CHART_STYLE, self.labels, self.values, self.alt))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fingerprint_of(svg: bytes) -> str | None:
    """The fingerprint a chart file was drawn from, or None if it carries none."""
    found = _FINGERPRINT.search(svg[:1000])
    return found.group(1).decode("ascii") if found else None


def column_chart_svg(chart: ColumnChart) -> bytes:
    """The chart as an SVG document (UTF-8 bytes), its fingerprint in a comment near the top."""
    import matplotlib
    from matplotlib.figure import Figure

    font_log = logging.getLogger("matplotlib.font_manager")
    level = font_log.level
    # Without any CJK font on this machine the layout falls back to DejaVu Sans and
    # matplotlib complains about missing glyphs; the SVG still names the CJK fonts.
    font_log.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings(), matplotlib.rc_context({
            "svg.fonttype": "none",
            "svg.hashsalt": "shangliang",
            "svg.id": "sl-chart",
            "font.family": ["sans-serif"],
            "font.sans-serif": list(CJK_FONTS),
            "font.size": 11,
            "axes.unicode_minus": False,
            "text.color": TEXT_COLOUR,
            "axes.edgecolor": GRID_COLOUR,
            "xtick.color": TEXT_COLOUR,
            "ytick.color": TEXT_COLOUR,
        }):
            warnings.simplefilter("ignore")
            figure = _draw(Figure(figsize=(5.0, 2.9)), chart)
            buffer = io.BytesIO()
            figure.savefig(
                buffer, format="svg", facecolor="white",
                metadata={"Date": None, "Creator": "shangliang (matplotlib)", "Title": chart.alt},
            )
    finally:
        font_log.setLevel(level)
    return _with_fingerprint(buffer.getvalue(), chart.fingerprint())


def _draw(figure: Figure, chart: ColumnChart) -> Figure:
    # A fixed layout (no tight bounding box), so the file does not depend on this machine's fonts.
    axes = figure.add_axes((0.04, 0.13, 0.94, 0.8))
    positions = range(len(chart.values))
    axes.bar(positions, chart.values, width=0.66, color=BAR_COLOUR)
    top = max(chart.values, default=0)
    axes.set_ylim(0, max(top, 1) * 1.18)
    axes.set_xlim(-0.6, len(chart.values) - 0.4)
    axes.set_xticks(list(positions), list(chart.labels))
    axes.tick_params(axis="x", length=0, pad=4, labelsize=10.5)
    axes.set_yticks([])
    for side in ("left", "right", "top"):
        axes.spines[side].set_visible(False)
    for position, value in zip(positions, chart.values, strict=True):
        axes.annotate(
            f"{value:,}", (position, value), xytext=(0, 3), textcoords="offset points",
            ha="center", va="bottom", fontsize=11, color=TEXT_COLOUR if value else ZERO_COLOUR,
        )
    return figure


def _with_fingerprint(svg: bytes, fingerprint: str) -> bytes:
    comment = f"<!-- shangliang-chart {fingerprint} -->\n".encode("ascii")
    declaration_end = svg.find(b"?>")
    if svg.startswith(b"<?xml") and declaration_end != -1:
        cut = svg.index(b"\n", declaration_end) + 1
        return svg[:cut] + comment + svg[cut:]
    return comment + svg
