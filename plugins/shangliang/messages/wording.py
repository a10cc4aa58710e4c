"""The pieces a message is worded from: a template in both languages, and a field named with its label.

A template names its parameters (`{got}`, `{line}`, `{maximum:,}`); `parameters_of` lists them.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache

from shangliang.messages.labels import label_of
from shangliang.messages.language import Language


@dataclass(frozen=True)
class Template:
    zh: str
    en: str

    def in_language(self, language: Language) -> str:
        return self.zh if language == "zh" else self.en


@dataclass(frozen=True)
class FieldName:
    """A field named in a message: `members（参加委员）` in Chinese, `members` in English."""

    key: str
    label: str = ""

    @classmethod
    def of(cls, path: str, kind: str | None = None) -> FieldName:
        """The field at `path` with the label `labels.label_of` gives it."""
        return cls(path, label_of(path, kind))

    def worded(self, language: Language) -> str:
        return f"{self.key}（{self.label}）" if language == "zh" and self.label else self.key


@cache
def parameters_of(text: str) -> frozenset[str]:
    """The names of the parameters a template's text uses (`{maximum:,}` → `maximum`)."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(text):
        if name is not None:
            names.add(name.split(".", 1)[0].split("[", 1)[0])
    return frozenset(names)
