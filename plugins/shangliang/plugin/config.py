"""The plugin's options in `mkdocs.yml`: one attribute each, validated here and only here."""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from shangliang.content.limits import DEFAULT_BOUNDS, Bounds
from shangliang.messages.language import DEFAULT_LANGUAGE, LANGUAGES
from shangliang.model import DEFAULT_FORMATS
from shangliang.pages.district_index import DISTRICT_PAGE_SIZE


class AtLeast(c.Type):
    """A whole number no smaller than `minimum`."""

    def __init__(self, minimum: int, default: int) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum

    def run_validation(self, value: object) -> Any:
        number = super().run_validation(value)
        if isinstance(number, bool) or number < self.minimum:
            raise ValidationError(f"must be a whole number of at least {self.minimum} (got {value!r})")
        return number


class ShangliangConfig(Config):
    enabled = c.Type(bool, default=True)
    """Switch the plugin off (the site then builds as plain MkDocs pages)."""
    formats = c.ListOfItems(c.Type(str), default=list(DEFAULT_FORMATS))
    """The consultation formats a case's `format` may take."""
    latest_cases = AtLeast(0, default=10)
    """How many cases the 'latest cases' lists on home and brand pages show."""
    search = c.Type(bool, default=True)
    """Build the Pagefind search index after the site is built."""
    navigation = c.Type(bool, default=True)
    """Arrange the navigation (home, brands, districts, highlights, roundups, the rest)."""
    district_page_size = AtLeast(1, default=DISTRICT_PAGE_SIZE)
    """A district with more cases lists them on year pages of at most this many cases each."""
    max_members = AtLeast(0, default=DEFAULT_BOUNDS.members)
    """A case's `members` beyond this is refused as implausible (a slip of the keyboard)."""
    max_participants = AtLeast(0, default=DEFAULT_BOUNDS.participants)
    """Likewise for `participants`."""
    max_problems_solved = AtLeast(0, default=DEFAULT_BOUNDS.problems_solved)
    """Likewise for `problems_solved`."""
    language = c.Choice(LANGUAGES, default=DEFAULT_LANGUAGE)
    """The language problems are worded in, in the build's log, the preview's banner and the scripts: zh or en."""

    cms = c.Type(bool, default=False)
    """Publish the web form (Decap CMS) at /admin/; `make edit` has it in its preview whatever this says."""
    cms_backend = c.Type(dict, default={})
    """Decap's `backend` for a published form: the team's Git forge (see the editor guide, 网页编辑)."""

    def bounds(self) -> Bounds:
        return Bounds(self.max_members, self.max_participants, self.max_problems_solved)
