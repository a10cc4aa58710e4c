"""Which language problems are worded in: one setting for the whole process, Chinese unless configured.

The build sets it from the plugin option `language` (`mkdocs.yml`), the scripts from the same option
(or their `--lang`). Everything that words a problem asks `current_language()` at the moment it words it.
"""

from __future__ import annotations

from typing import Literal, cast

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")
DEFAULT_LANGUAGE: Language = "zh"

_current: list[Language] = [DEFAULT_LANGUAGE]


def set_language(language: str) -> None:
    """Word every problem from now on in `language` (`zh` or `en`)."""
    _current[0] = checked_language(language)


def current_language() -> Language:
    return _current[0]


def checked_language(language: str) -> Language:
    """`language` when it is one of `LANGUAGES`; otherwise a `ValueError` naming the choices."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")
    return cast(Language, language)


def say(chinese: str, english: str) -> str:
    """A message that is not a problem (a build note, a script's line) in the language the run speaks."""
    return english if current_language() == "en" else chinese
