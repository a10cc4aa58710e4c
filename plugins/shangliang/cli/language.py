"""Which language the editors' scripts speak: Chinese, the editors' own, or English by choice.

The language is chosen once per run, before anything is printed (`choose_language`):
`--lang en` on the command line, else the plugin's `language` option in the site's
`mkdocs.yml` (the same switch the build reads), else Chinese. Every string the scripts
print is a `Text` (or a `Counted`) holding both languages side by side, so a translator
sees each message whole and in one place; calling it gives the chosen language's form.

The language is the process's one setting in `shangliang.messages`, which words the
problems: a problem line and the script around it always agree.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from shangliang import messages
from shangliang.content.tree import SettingsError, SiteSettings
from shangliang.messages import LANGUAGES, current_language

CHINESE = "zh"
ENGLISH = "en"
DEFAULT_LANGUAGE = CHINESE


def language() -> str:
    """The language of this run: `zh` or `en`."""
    return current_language()


def set_language(chosen: str) -> None:
    """Speak `chosen` (`zh` or `en`) from now on, the problems' wording (`shangliang.messages`) included."""
    messages.set_language(chosen)


@dataclass(frozen=True)
class Text:
    """One message in both languages; `{names}` are filled in by calling it."""

    zh: str
    en: str

    def __call__(self, **values: object) -> str:
        return (self.en if language() == ENGLISH else self.zh).format(**values)


@dataclass(frozen=True)
class Counted:
    """A count with what it counts: `3处错误`; in English `1 error`, `3 errors`."""

    zh: str
    en_one: str
    en_many: str

    def __call__(self, count: int, **values: object) -> str:
        if language() != ENGLISH:
            return self.zh.format(count=count, **values)
        return (self.en_one if count == 1 else self.en_many).format(count=count, **values)


def joined(items: Sequence[str]) -> str:
    """A list as the language writes one: `甲、乙、丙`; `a, b, c`."""
    return (", " if language() == ENGLISH else "、").join(items)


class _Quiet(argparse.ArgumentParser):
    """An argument parser that never prints or exits: bad usage is reported later, by the real parser."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise ValueError(message)


def requested_language(argv: Sequence[str] | None, *, default_config: Path = Path("mkdocs.yml")) -> str:
    """`--lang` of `argv` when it names a language; else the `language` option of the site's mkdocs.yml
    (`-f`, or `default_config`); else Chinese. Nothing is reported here: a bad `--lang` or an unreadable
    mkdocs.yml is the real parser's or the script's to report, in the language this returns."""
    quiet = _Quiet(add_help=False)
    quiet.add_argument("--lang")
    quiet.add_argument("-f", "--config-file", type=Path, default=default_config)
    try:
        known, _ = quiet.parse_known_args(None if argv is None else list(argv))
    except ValueError:
        return DEFAULT_LANGUAGE
    if known.lang in LANGUAGES:
        return str(known.lang)
    try:
        configured = SiteSettings.from_config_file(known.config_file).language
    except SettingsError:
        return DEFAULT_LANGUAGE
    return configured if configured in LANGUAGES else DEFAULT_LANGUAGE


def choose_language(argv: Sequence[str] | None) -> str:
    """Set and return the language of this run (see `requested_language`)."""
    chosen = requested_language(argv)
    set_language(chosen)
    return chosen
