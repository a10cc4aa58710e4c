"""Full-page phone screenshots (390 px wide) for people to look at, in test-output/screenshots/."""

from __future__ import annotations

import pytest

from .conftest import page_path

pytestmark = pytest.mark.browser

SHOTS = [
    ("home", "light"),
    ("brand", "light"),
    ("district", "light"),
    ("case", "light"),
    ("case", "dark"),
]


def test_phone_screenshots(new_page, site_server, page_paths, screenshot_dir):
    written = []
    for kind, scheme in SHOTS:
        page, record = new_page(color_scheme=scheme, device_scale_factor=2)
        page.goto(site_server.url(page_path(page_paths, kind)), wait_until="load")
        page.wait_for_function(
            "(s) => document.body.getAttribute('data-md-color-scheme') === s",
            arg="slate" if scheme == "dark" else "default",
        )
        page.evaluate("document.fonts.ready")
        target = screenshot_dir / f"{kind}-{scheme}.png"
        page.screenshot(path=str(target), full_page=True, animations="disabled")
        assert target.stat().st_size > 10_000, f"{target} looks empty"
        assert not record.foreign_requests(), record.foreign_requests()
        written.append(target.name)
        page.context.close()
    print("screenshots:", ", ".join(written), "in", screenshot_dir)
