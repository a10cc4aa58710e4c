"""axe-core on every page kind, light and dark: no serious or critical violation."""

from __future__ import annotations

import pytest

from .conftest import PAGE_KINDS, page_path

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}
SCHEMES = {"light": "default", "dark": "slate"}

# Colour checks must not catch an element half-way through a CSS transition.
NO_MOTION_CSS = (
    "*, *::before, *::after { transition: none !important; animation: none !important; }"
)


def run_axe(page, axe_source: str) -> list[dict]:
    page.add_style_tag(content=NO_MOTION_CSS)
    page.evaluate(axe_source)
    result = page.evaluate(
        """async () => {
          const results = await axe.run(document, { resultTypes: ["violations"] });
          return results.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
            targets: v.nodes.slice(0, 8).map(n => n.target.join(" ")),
            summary: (v.nodes[0] && v.nodes[0].failureSummary || "")
              .split("\\n").slice(0, 3).join(" "),
          }));
        }"""
    )
    return [v for v in result if v["impact"] in BLOCKING_IMPACTS]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        lines.append(f"    where: {'; '.join(v['targets'])}")
        if v["summary"]:
            lines.append(f"    why: {v['summary']}")
    return "\n".join(lines)


def open_in_scheme(new_page, site_server, path: str, scheme: str):
    page, record = new_page(color_scheme=scheme)
    page.goto(site_server.url(path), wait_until="load")
    # Material applies the palette that matches prefers-color-scheme.
    page.wait_for_function(
        "(s) => document.body.getAttribute('data-md-color-scheme') === s", arg=SCHEMES[scheme]
    )
    return page, record


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_serious_axe_violations(kind, scheme, new_page, site_server, page_paths, axe_source):
    page, _ = open_in_scheme(new_page, site_server, page_path(page_paths, kind), scheme)
    violations = run_axe(page, axe_source)
    assert not violations, f"axe on the {kind} page ({scheme}):\n{describe(violations)}"


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_no_serious_axe_violations_in_open_search(scheme, new_page, site_server, axe_source):
    page, _ = open_in_scheme(new_page, site_server, "/", scheme)
    page.click('header label.md-header__button[for="__search"]')
    page.keyboard.type("路灯")
    page.wait_for_function(
        "() => document.querySelector('[data-sl-search-result]').dataset.slSearchDone === '路灯'"
    )
    assert page.locator(".md-search-result__item").count() > 0
    violations = run_axe(page, axe_source)
    assert not violations, f"axe on the open search dialog ({scheme}):\n{describe(violations)}"
