"""Every message by its code, in Chinese and English, and how a code with its parameters is worded.

`PROBLEMS` holds the problems' templates (one code per kind of problem, stable: CI keys on it),
`PHRASES` the fragments filled into them. A parameter is text or a number, used as is in both
languages, or a `Phrase` or `FieldName`, worded in the message's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Union

from shangliang.messages.field_problems import FIELD_PROBLEMS
from shangliang.messages.file_problems import FILE_PROBLEMS
from shangliang.messages.language import Language
from shangliang.messages.phrases import PHRASES
from shangliang.messages.slip_problems import SLIP_PROBLEMS
from shangliang.messages.wording import FieldName, Template, parameters_of


def _merged(*areas: dict[str, Template]) -> dict[str, Template]:
    merged: dict[str, Template] = {}
    for area in areas:
        twice = merged.keys() & area.keys()
        if twice:
            raise ValueError(f"message codes defined twice: {sorted(twice)}")
        merged.update(area)
    return merged


PROBLEMS: dict[str, Template] = _merged(FILE_PROBLEMS, FIELD_PROBLEMS, SLIP_PROBLEMS)
"""The template of every problem, by code."""

Param = Union[str, int, "Phrase", FieldName]
Params = Mapping[str, Param]


@dataclass(frozen=True)
class Phrase:
    """A fragment from `PHRASES` with its parameters, worded in the language of the message it is in."""

    code: str
    params: Params = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        check_params(PHRASES, self.code, self.params)

    def worded(self, language: Language) -> str:
        return fill(PHRASES[self.code], self.params, language)


def phrase(code: str, **params: Param) -> Phrase:
    return Phrase(code, params)


def fill(template: Template, params: Params, language: Language) -> str:
    """The template in `language`, every parameter worded in that language too."""
    values = {name: value.worded(language) if isinstance(value, Phrase | FieldName) else value
              for name, value in params.items()}  # fmt: skip
    return template.in_language(language).format_map(values)


def problem_text(code: str, params: Params, language: Language) -> str:
    """What the problem `code` says, with `params`, in `language` (without its file and field)."""
    return fill(PROBLEMS[code], params, language)


def check_params(templates: Mapping[str, Template], code: str, params: Params) -> None:
    """Refuse (`ValueError`) a code the catalogue lacks, or parameters other than its template's."""
    template = templates.get(code)
    if template is None:
        raise ValueError(f"no message has the code {code!r}")
    expected = parameters_of(template.zh)
    if params.keys() != expected:
        raise ValueError(f"message {code!r} takes the parameters {sorted(expected)} (given {sorted(params)})")
