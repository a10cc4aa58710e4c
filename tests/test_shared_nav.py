"""Pages outside the navigation share its rendering only where every relative link is the same."""

from shangliang.plugin.navigation import shared_nav_key

NAV = ("", "cases/", "brands/", "districts/", "districts/minhou/")


def test_cases_of_one_year_share_the_navigation():
    assert shared_nav_key("cases/2024/a/", False, NAV) == shared_nav_key("cases/2024/b/", False, NAV)


def test_pages_at_the_same_depth_in_other_folders_do_not():
    # From cases/2024/a/ the finder is ../../; from districts/minhou/2023/ it is ../../../cases/.
    keys = {shared_nav_key(url, False, NAV) for url in ("cases/2024/a/", "districts/minhou/2023/", "cases/2023/a/")}
    assert len(keys) == 3


def test_a_page_in_the_navigation_or_above_one_renders_its_own():
    assert shared_nav_key("districts/", True, NAV) is None
    assert shared_nav_key("districts/minhou/", False, ("", "districts/minhou/2024/")) is None
